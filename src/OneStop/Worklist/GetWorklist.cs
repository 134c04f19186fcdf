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
        // Urgency grows as the binding deadline nears, so "overdue, then due soon, then on track, the most urgent
        // first" is the order of that deadline: the database sorts, counts and cuts by its column. Due soon means
        // at most one working day left (JudgeInProgress).
        var soon = calendar.NextOpening(calendar.AddWorkingTime(now, calendar.WorkingDayLength));
        var (counts, total, items) = await WorklistQuery.RunAsync(session, new WorklistQuery(
            forUnit, forDesk ? agency.ReceptionUnit : null, forOfficer, wanted, now, soon, limit),
            http.RequestAborted);
        return new WorklistAnswer(now, forUnit, forOfficer, total, counts,
            [.. items.Select(item => Judged(item, now, calendar))]);
    }

    private static WorklistItem Judged(WorklistItem item, DateTimeOffset now, WorkingCalendar calendar)
    {
        var (due, timeliness, remaining) = item.Status == DossierStatus.Submitted
            ? Judge(item.ReceptionDeadline, now, calendar)
            : Judge(item.Appointment, now, calendar);
        return item with { DueAt = due, Timeliness = timeliness, RemainingWorkingDays = remaining };
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
