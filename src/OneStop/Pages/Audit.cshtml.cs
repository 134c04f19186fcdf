using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Auditing;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Integrity;
using OneStop.Projections.Dossiers;

namespace OneStop.Pages;

/// <summary>
/// The inspector's page: the audit log through the same query as <c>GET /api/audit</c> (its CSV too, with
/// <c>format=csv</c>), and the ledger verifier that <c>POST /api/ledger/verification</c> runs.
/// </summary>
public sealed class AuditModel(IQuerySession session, WorkingCalendar calendar, LedgerVerifier verifier)
    : PeoplePage
{
    [BindProperty(SupportsGet = true)]
    public string? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public AuditPage? Rows { get; private set; }
    public VerificationReport? Verification { get; private set; }

    /// <summary>Null when no dossier was named; else whether every event of that dossier was found intact.</summary>
    public bool? DossierIntact { get; private set; }

    public Task<IActionResult> OnGetAsync() => Attempt(async () =>
    {
        var result = await GetAuditLogEndpoint.Get(session, HttpContext, Clean(Dossier, "dossier"),
            Clean(Actor, "actor"), Clean(Unit, "unit"), Start(From, "from"), Start(To, "to", 1), null, After, null);
        if (result is not Ok<AuditPage> page)
        {
            // The CSV export: the endpoint's own file answer, written as it is.
            await result.ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        Rows = page.Value;
        return Page();
    });

    public Task<IActionResult> OnPostVerifyAsync() => Attempt(async () =>
    {
        Access.Demand(HttpContext, Access.Integrity);
        Verification = await verifier.VerifyAsync([], HttpContext.RequestAborted);
        var code = Clean(Dossier, "dossier");
        if (!string.IsNullOrEmpty(code))
            DossierIntact = await DossierIntactAsync(code, Verification);
        return Page();
    });

    /// <summary>
    /// The walk checks every dossier's chain in one pass and stops at the first broken event; a dossier is
    /// intact when that event is not its own and all its events come before it.
    /// </summary>
    private async Task<bool> DossierIntactAsync(string code, VerificationReport report)
    {
        var view = await session.Query<DossierView>()
            .FirstOrDefaultAsync(v => v.Code == code, HttpContext.RequestAborted)
            ?? throw new Problems.NotFound($"No dossier has the code '{code}'.");
        var events = await session.Events.FetchStreamAsync(view.Id, token: HttpContext.RequestAborted);
        return report.FirstProblem?.StreamId != view.Id
            && events.All(e => e.Sequence <= report.IntactThroughSequence);
    }

    public string CsvAddress() => "/audit?" + string.Join("&", Request.Query
        .Where(q => q.Key is not ("After" or "format" or "handler"))
        .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
        .Append("format=csv"));

    private DateTimeOffset? Start(DateOnly? day, string field, int days = 0) => day is { } d
        ? calendar.At(Problems.InputRules.Date(d, field).AddDays(days), TimeOnly.MinValue)
        : null;
}
