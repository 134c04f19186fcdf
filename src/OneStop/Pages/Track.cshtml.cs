using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Calendar;
using OneStop.Tracking;

namespace OneStop.Pages;

/// <summary>The citizen's page: code and secret go in a POST body, never in the address.</summary>
public sealed class TrackModel(IQuerySession session, TimeProvider clock, WorkingCalendar calendar) : PeoplePage
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public CitizenView? Dossier { get; private set; }

    /// <summary>Who read, corrected or erased the applicant's personal data, oldest first.</summary>
    public AccessLogAnswer? AccessLog { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        var command = new TrackDossier(Clean(Code, "code") ?? "", Clean(Secret, "secret") ?? "");
        Dossier = await TrackDossierEndpoint.Post(command, session, HttpContext, clock, calendar);
        AccessLog = await TrackAccessLogEndpoint.Post(command, session, HttpContext);
        // The secret is not echoed back into the form.
        Secret = null;
        return Page();
    });

    /// <summary>The names of the components a supplement request listed, from the dossier's own list.</summary>
    public string ComponentName(string id) =>
        Dossier?.Components.FirstOrDefault(c => c.Id == id)?.Name ?? id;
}
