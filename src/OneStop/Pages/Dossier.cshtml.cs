using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Deciding;
using OneStop.Dossiers;
using OneStop.HandingOver;
using OneStop.IssuingResult;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using OneStop.Reading;
using OneStop.Receiving;
using OneStop.ReturningResult;

namespace OneStop.Pages;

/// <summary>
/// One dossier for officers: the view and timeline of <c>GET /api/dossiers/{id}</c>, and forms that send
/// commands through the same runner and pure decisions as the API.
/// </summary>
public sealed class DossierModel(
    IDocumentSession session,
    DossierCommandRunner runner,
    ProcedureCatalogue catalogue,
    TimeProvider clock,
    WorkingCalendar calendar) : PeoplePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public DossierAnswer? Answer { get; private set; }
    public DossierTimeline? Timeline { get; private set; }
    public IReadOnlyList<ProcedureStep> Steps { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => Attempt(async () =>
    {
        await LoadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostReceiveAsync(int version, string? refuse) =>
        Act(() => new ReceiveDossier(version, Clean(refuse, "refuse") is { Length: > 0 } r ? r : null),
            ReceiveDossierEndpoint.Decide, "received");

    public Task<IActionResult> OnPostHandOverAsync(int version, int step, string? unit, string? officer) =>
        Act(() => new HandOverDossier(version, step, Clean(unit, "unit") ?? "",
                Clean(officer, "officer") is { Length: > 0 } o ? o : null),
            HandOverDossierEndpoint.Decide, "handed-over");

    public Task<IActionResult> OnPostDecideAsync(int version, Outcome outcome, string? reason) =>
        Act(() => new DecideDossier(version, outcome, Clean(reason, "reason") ?? ""), DecideDossierEndpoint.Decide,
            "decided");

    public Task<IActionResult> OnPostIssueAsync(int version, string? documentSha256) =>
        Act(() => new IssueResult(version, Clean(documentSha256, "documentSha256") ?? ""),
            IssueResultEndpoint.Decide, "issued");

    public Task<IActionResult> OnPostReturnAsync(int version, ReturnMethod method, string? trackingNumber,
        bool applicantNotified) =>
        Act(() => new ReturnResult(version, method, Clean(trackingNumber, "trackingNumber") is { Length: > 0 } t
                ? t
                : null, applicantNotified),
            ReturnResultEndpoint.Decide, "returned");

    /// <summary>Validate, run through the runner, then show the dossier again (after a redirect on success).</summary>
    private async Task<IActionResult> Act<TCommand>(
        Func<TCommand> command,
        Func<TCommand, Dossier, CommandContext, IEnumerable<object>> decide,
        string done)
        where TCommand : class, IVersioned
    {
        var result = await Attempt(async () =>
        {
            var valid = InputRules.Check(command());
            await runner.Run(session, runner.OriginOf(HttpContext), Id, valid, decide, HttpContext.RequestAborted);
            return RedirectToPage("/Dossier", new { Id, Done = done });
        });
        if (Error is not null)
            await LoadAsync();
        return result;
    }

    private async Task LoadAsync()
    {
        Answer = await GetDossierEndpoint.Get(Id, session, HttpContext, clock, calendar, null, null);
        Timeline = await GetTimelineEndpoint.Get(Id, session, HttpContext);
        var view = Answer.Dossier;
        Steps = catalogue.Find(view.ProcedureCode, view.ProcedureVersion)?.Steps ?? [];
    }
}
