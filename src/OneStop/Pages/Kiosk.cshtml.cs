using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Applicants;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Submitting;

namespace OneStop.Pages;

// LIMITATION: the receipt is the answer to the submitting POST, so reloading it makes the browser offer to post
// again, which would submit a second dossier; the Idempotency-Key work (issue 7) is where a retry will be caught.

/// <summary>
/// The self-service kiosk: find a procedure, tick the documents at hand, submit through the same code as
/// <c>POST /api/dossiers</c>, and print the receipt. The receipt is the answer to the POST itself, so the
/// secret never travels in an address.
/// </summary>
public sealed class KioskModel(
    ProcedureCatalogue catalogue,
    WorkingCalendar calendar,
    TimeProvider clock,
    IDocumentSession session,
    DossierCommandRunner runner) : PeoplePage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public List<string> Have { get; set; } = [];

    [BindProperty]
    public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdentityNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<Procedure> Found { get; private set; } = [];
    public Procedure? Procedure { get; private set; }
    public AppointmentResult? Promise { get; private set; }
    public ChecklistResult? Checklist { get; private set; }
    public DossierReceipt? Receipt { get; private set; }

    public IActionResult OnGet() => Load();

    public IActionResult OnPostCheck()
    {
        var result = Load();
        if (Procedure is not null)
            Checklist = catalogue.Check(Procedure, Have);
        return result;
    }

    public Task<IActionResult> OnPostSubmitAsync() => Attempt(async () =>
    {
        Load();
        if (Procedure is null)
            throw new NotFound($"No procedure has the code '{Code}'.");
        Checklist = catalogue.Check(Procedure, Have);
        var applicant = InputRules.Check(new ApplicantDetails(Kind, Clean(Name, "name") ?? "",
            Blank(Clean(IdentityNumber, "identityNumber")), Blank(Clean(Phone, "phone")),
            Blank(Clean(Email, "email"))));
        var command = InputRules.Check(new SubmitDossier(Procedure.Id, Channel.Kiosk, applicant, Have));
        var origin = runner.OriginOf(HttpContext, SubmitDossierEndpoint.SubmitterOf(HttpContext, Channel.Kiosk),
            nameof(Channel.Kiosk));

        Receipt = await SubmitDossierEndpoint.SubmitAsync(session, runner, origin, command, HttpContext.RequestAborted);
        return Page();
    });

    /// <summary>The address the receipt's QR code opens: the tracking page with the code, never the secret.</summary>
    public string TrackingAddress(string code) =>
        $"{Request.Scheme}://{Request.Host}/track?code={Uri.EscapeDataString(code)}";

    private PageResult Load()
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Procedure = catalogue.Find(Code.Trim());
            if (Procedure?.TimeLimit is { } limit)
                Promise = calendar.Schedule(clock.GetUtcNow(), limit);
        }
        else if (Search is { Length: > 0 and <= 200 })
        {
            Found = catalogue.Search(Search, null);
        }

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
