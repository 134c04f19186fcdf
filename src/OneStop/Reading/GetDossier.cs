using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Reading;

/// <summary>The officer view: the projected dossier plus what depends on the moment it is read.</summary>
public sealed record DossierAnswer(
    DossierView Dossier,
    Timeliness? Timeliness,
    double? RemainingWorkingDays,
    DateTimeOffset ReadAt);

public static class GetDossierEndpoint
{
    [WolverineGet("/api/dossiers/{id}")]
    [Authorize(Policy = Access.AnyOfficer)]
    public static async Task<DossierAnswer> Get(
        Guid id,
        IQuerySession session,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        DateTimeOffset? asOf,
        int? version)
    {
        Access.Demand(http, Access.AnyOfficer);
        if (asOf is not null || version is not null)
            return await DossierAsOf.AnswerAsync(session, id, InputRules.Instant(asOf, "asOf"), version, calendar,
                http.RequestAborted);
        var view = await session.LoadAsync<DossierView>(id, http.RequestAborted)
            ?? throw new NotFound($"No dossier has the id {id}.");
        return Answer(view, clock.GetUtcNow(), calendar);
    }

    /// <summary>Timeliness and remaining time judged at <paramref name="now"/>.</summary>
    public static DossierAnswer Answer(DossierView view, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (view.FinishedAt is not null || view.Appointment is not { } appointment)
            return new DossierAnswer(view, view.FinishedTimeliness, null, now);

        var remaining = now < appointment ? calendar.WorkingTimeBetween(now, appointment).TotalHours / 8 : 0;
        return new DossierAnswer(view, calendar.JudgeInProgress(appointment, now), Math.Round(remaining, 2), now);
    }
}
