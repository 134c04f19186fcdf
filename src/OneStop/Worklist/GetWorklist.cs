using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using OneStop.Reading;
using Wolverine.Http;

namespace OneStop.Worklist;

/// <summary>
/// One dossier to act on, judged against its (legal) appointment now, with the deadline alerts raised on it
/// (due soon, overdue; appointment and step), oldest first.
/// </summary>
public sealed record WorklistItem(
    Guid Id,
    string Code,
    int Version,
    string ProcedureCode,
    DossierStatus Status,
    string HoldingUnit,
    string? HoldingOfficer,
    int CurrentStep,
    string? StepName,
    DateTimeOffset? StepDeadline,
    DateTimeOffset? Appointment,
    Timeliness? Timeliness,
    double? RemainingWorkingDays,
    IReadOnlyList<AlertView> Alerts);

/// <summary>Overdue first, then due soon, then on track; the most urgent appointment first within each.</summary>
public sealed record WorklistAnswer(
    DateTimeOffset AsOf,
    string? Unit,
    string? Officer,
    IReadOnlyList<WorklistItem> Items);

public static class GetWorklistEndpoint
{
    [WolverineGet("/api/worklist")]
    [Authorize(Policy = Access.Worklist)]
    public static async Task<WorklistAnswer> Get(
        IQuerySession session,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        string? unit,
        string? officer,
        string? timeliness)
    {
        var actor = Access.Demand(http, Access.Worklist);
        Timeliness? wanted = null;
        if (!string.IsNullOrWhiteSpace(timeliness))
            wanted = Enum.TryParse<Timeliness>(timeliness, ignoreCase: true, out var parsed)
                && parsed is Timeliness.Overdue or Timeliness.DueSoon or Timeliness.OnTrack
                    ? parsed
                    : throw InvalidInput.Field("timeliness", "Use overdue, dueSoon or onTrack.");
        // Without a filter an officer sees their own unit's dossiers.
        var forUnit = string.IsNullOrWhiteSpace(unit) && string.IsNullOrWhiteSpace(officer) ? actor.Unit : unit?.Trim();
        var forOfficer = officer?.Trim();
        var now = clock.GetUtcNow();

        // LIMITATION: only received dossiers are listed. Online and kiosk dossiers waiting for reception
        // (rule 4's 8 working hours) are held by "portal" or "kiosk", not by the one-stop desk, so the
        // reception desk does not see them here yet; it finds them by code or through the audit log.
        var query = session.Query<DossierView>().Where(v => v.FinishedAt == null && v.ReceivedAt != null
            && v.Status != DossierStatus.AwaitingSupplement);
        if (!string.IsNullOrWhiteSpace(forUnit))
            query = query.Where(v => v.HoldingUnit == forUnit.ToUpperInvariant() || v.HoldingUnit == forUnit);
        if (!string.IsNullOrWhiteSpace(forOfficer))
            query = query.Where(v => v.HoldingOfficer == forOfficer);
        var views = await query.ToListAsync(http.RequestAborted);

        var items = views.Select(v => Item(v, now, calendar))
            .Where(i => wanted is null || i.Timeliness == wanted)
            .OrderBy(i => Urgency(i.Timeliness))
            .ThenBy(i => i.Appointment ?? DateTimeOffset.MaxValue)
            .ToList();
        return new WorklistAnswer(now, forUnit, forOfficer, items);
    }

    private static WorklistItem Item(DossierView v, DateTimeOffset now, WorkingCalendar calendar)
    {
        var answer = GetDossierEndpoint.Answer(v, now, calendar);
        return new WorklistItem(v.Id, v.Code, v.Version, v.ProcedureCode, v.Status, v.HoldingUnit, v.HoldingOfficer,
            v.CurrentStep, v.StepName, v.StepDeadline, v.Appointment, answer.Timeliness,
            answer.RemainingWorkingDays, v.Alerts);
    }

    private static int Urgency(Timeliness? timeliness) => timeliness switch
    {
        Timeliness.Overdue => 0,
        Timeliness.DueSoon => 1,
        Timeliness.OnTrack => 2,
        _ => 3,
    };
}
