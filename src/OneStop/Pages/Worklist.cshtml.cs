using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Worklist;

namespace OneStop.Pages;

/// <summary>The officer's worklist, from the same query as <c>GET /api/worklist</c>: overdue first.</summary>
public sealed class WorklistModel(
    IQuerySession session,
    TimeProvider clock,
    WorkingCalendar calendar,
    AgencySettings agency) : PeoplePage
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Timeliness { get; set; }

    public WorklistAnswer? Answer { get; private set; }

    public Task<IActionResult> OnGetAsync() => Attempt(async () =>
    {
        Answer = await GetWorklistEndpoint.Get(session, HttpContext, clock, calendar, agency, Clean(Unit, "unit"), null,
            Clean(Timeliness, "timeliness"), Shown);
        return Page();
    });

    /// <summary>The page lists the most urgent dossiers; the tiles and the heading count them all.</summary>
    public const int Shown = 500;

    public int Count(Timeliness timeliness) => Answer?.Counts is not { } counts ? 0 : timeliness switch
    {
        Calendar.Timeliness.Overdue => counts.Overdue,
        Calendar.Timeliness.DueSoon => counts.DueSoon,
        Calendar.Timeliness.OnTrack => counts.OnTrack,
        _ => 0,
    };
}
