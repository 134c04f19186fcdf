using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Worklist;

/// <summary>
/// One dossier to act on, judged now against the deadline that binds it: its (legal) appointment once received,
/// rule 4's reception deadline while an online dossier waits at the desk; with the deadline alerts raised on it
/// (due soon, overdue; reception, appointment and step), oldest first.
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
    DateTimeOffset? ReceptionDeadline,
    DateTimeOffset? DueAt,
    Timeliness? Timeliness,
    double? RemainingWorkingDays,
    IReadOnlyList<AlertView> Alerts);

/// <summary>
/// Overdue first, then due soon, then on track; the most urgent appointment first within each. With a limit,
/// the first items only. The total counts every dossier that matched; the counts per timeliness cover the unit's
/// (or officer's) dossiers whatever the timeliness asked for, so the page can show all three.
/// </summary>
public sealed record WorklistAnswer(
    DateTimeOffset AsOf,
    string? Unit,
    string? Officer,
    int Total,
    WorklistCounts Counts,
    IReadOnlyList<WorklistItem> Items);

public sealed record WorklistCounts(int Overdue, int DueSoon, int OnTrack);

public static class GetWorklistEndpoint
{
    public const int MaxLimit = 1000;

    [WolverineGet("/api/worklist")]
    [Authorize(Policy = Access.Worklist)]
    public static async Task<WorklistAnswer> Get(
        IQuerySession session,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        AgencySettings agency,
        string? unit,
        string? officer,
        string? timeliness,
        int? limit)
    {
        if (limit is < 1 or > MaxLimit)
            throw InvalidInput.Field("limit", $"Give a limit from 1 to {MaxLimit}, or none for every dossier.");
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

        // Dossiers waiting for reception (any channel) belong to the one-stop desk, whoever holds them.
        var forDesk = string.Equals(forUnit, agency.ReceptionUnit, StringComparison.OrdinalIgnoreCase);
        var query = session.Query<DossierView>().Where(v => v.IsOpen
            && ((v.IsReceived && v.Status != DossierStatus.AwaitingSupplement)
                || v.Status == DossierStatus.Submitted));
        if (!string.IsNullOrWhiteSpace(forUnit))
            query = forDesk
                ? query.Where(v => v.HoldingUnit == agency.ReceptionUnit || v.Status == DossierStatus.Submitted)
                : query.Where(v => (v.HoldingUnit == forUnit.ToUpperInvariant() || v.HoldingUnit == forUnit)
                    && v.Status != DossierStatus.Submitted);
        if (!string.IsNullOrWhiteSpace(forOfficer))
            query = query.Where(v => v.HoldingOfficer == forOfficer);
        // Urgency grows as the binding deadline nears, so "overdue, then due soon, then on track, the most urgent
        // first" is the order of that deadline: the database sorts, counts and cuts by its column, and only the
        // dossiers listed are read whole. Due soon means at most one working day left (JudgeInProgress).
        // PostgreSQL's timestamptz parameters must be given in UTC.
        var soon = calendar.NextOpening(calendar.AddWorkingTime(now, calendar.WorkingDayLength)).ToUniversalTime();
        var utcNow = now.ToUniversalTime();
        var overdue = query.Where(v => v.DueAt < utcNow);
        var dueSoon = query.Where(v => v.DueAt >= utcNow && v.DueAt <= soon);
        var onTrack = query.Where(v => v.DueAt > soon);
        query = wanted switch
        {
            Timeliness.Overdue => overdue,
            Timeliness.DueSoon => dueSoon,
            Timeliness.OnTrack => onTrack,
            _ => query,
        };
        var ct = http.RequestAborted;
        var counts = new WorklistCounts(await overdue.CountAsync(ct), await dueSoon.CountAsync(ct),
            await onTrack.CountAsync(ct));
        var total = wanted is null ? counts.Overdue + counts.DueSoon + counts.OnTrack + await query
            .CountAsync(v => v.DueAt == null, ct) : await query.CountAsync(ct);
        var ordered = query.OrderBy(v => v.DueAt).ThenBy(v => v.Id);
        var listed = await (limit is { } first ? ordered.Take(first) : ordered).ToListAsync(ct);
        var items = listed.Select(v => Item(v, now, calendar)).ToList();
        return new WorklistAnswer(now, forUnit, forOfficer, total, counts, items);
    }

    private static WorklistItem Item(DossierView v, DateTimeOffset now, WorkingCalendar calendar)
    {
        var (due, timeliness, remaining) = v.Status == DossierStatus.Submitted
            ? Judge(v.ReceptionDeadline, now, calendar)
            : Judge(v.Appointment, now, calendar);
        return new WorklistItem(v.Id, v.Code, v.Version, v.ProcedureCode, v.Status, v.HoldingUnit, v.HoldingOfficer,
            v.CurrentStep, v.StepName, v.StepDeadline, v.Appointment, v.ReceptionDeadline, due, timeliness,
            remaining, v.Alerts);
    }

    private static (DateTimeOffset? Due, Timeliness? Timeliness, double? RemainingWorkingDays) Judge(
        DateTimeOffset? due, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (due is not { } deadline)
            return (null, null, null);
        var remaining = now < deadline ? calendar.WorkingTimeBetween(now, deadline) : TimeSpan.Zero;
        return (deadline, calendar.JudgeInProgress(deadline, now),
            Math.Round(remaining / calendar.WorkingDayLength, 2));
    }
}
