using System.Text.Json;
using JasperFx.Events;
using Marten;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// The reports must equal a recount written here from the raw events, sharing nothing with the projection
/// code but the one timeliness rule of the calendar.
/// </summary>
public sealed class when_a_month_is_recounted_from_raw_events(LedgerApp app) : ScriptedHistory(app)
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Vietnam;
    private static readonly DateTimeOffset MarchStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset AprilStart = new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task compliance_equals_the_recount()
    {
        await a_month_of_dossiers();
        var dossiers = await Recount();

        var total = (await GetJson("/api/compliance?from=2026-03-01&to=2026-03-31", Supervisor))
            .GetProperty("total");

        dossiers.Count.ShouldBeGreaterThanOrEqualTo(30, "precondition: a few dozen dossiers");
        total.GetProperty("received").GetInt32().ShouldBe(dossiers.Count(d => InMarch(d.ReceivedAt)));
        Counts(total.GetProperty("legal")).ShouldBe(Tally(dossiers.Select(d => d.Legal)));
        Counts(total.GetProperty("national")).ShouldBe(Tally(dossiers.Select(d => d.National)));
        total.GetProperty("supplementRequests").GetInt32().ShouldBe(dossiers.Sum(d => d.Requests.Count));
        total.GetProperty("apologies").GetInt32().ShouldBe(dossiers.Sum(d => d.Apologies));
        total.GetProperty("lateHandOvers").GetInt32().ShouldBe(dossiers.Sum(d => d.LateHandOvers));
        var days = dossiers.Where(d => d.FinishedAt is not null && d.ReceivedAt is not null)
            .Select(d => Calendar.WorkingTimeBetween(d.ReceivedAt!.Value, d.FinishedAt!.Value).TotalHours / 8)
            .Order().ToList();
        total.GetProperty("medianWorkingDays").GetDouble().ShouldBe(Math.Round(days[(days.Count + 1) / 2 - 1], 2));
        total.GetProperty("p90WorkingDays").GetDouble()
            .ShouldBe(Math.Round(days[(int)Math.Ceiling(0.9 * days.Count) - 1], 2));
        Counts(total.GetProperty("legal")).Overdue.ShouldBeGreaterThan(0, "precondition: some overdue");
        Counts(total.GetProperty("national")).Late
            .ShouldBeGreaterThan(Counts(total.GetProperty("legal")).Late, "precondition: the views differ");
    }

    [Fact]
    public async Task the_transparency_report_equals_the_recount()
    {
        await a_month_of_dossiers();
        var dossiers = await Recount();

        var agency = (await GetJson("/api/reports/transparency?month=2026-03")).GetProperty("agency");

        var received = dossiers.Where(d => InMarch(d.ReceivedAt)).ToList();
        agency.GetProperty("received").GetInt32().ShouldBe(received.Count);
        agency.GetProperty("receivedOnline").GetInt32().ShouldBe(received.Count(d => d.Channel == Channel.Online));
        agency.GetProperty("receivedByPost").GetInt32().ShouldBe(received.Count(d => d.Channel == Channel.Postal));
        agency.GetProperty("receivedAtCounter").GetInt32()
            .ShouldBe(received.Count(d => d.Channel == Channel.Counter));
        var returned = dossiers.Where(d => InMarch(d.ReturnedAt)).ToList();
        agency.GetProperty("resultsReturned").GetInt32().ShouldBe(returned.Count);
        agency.GetProperty("resultsReturnedOnline").GetInt32().ShouldBe(returned.Count(d => d.ReturnedOnline));
        agency.GetProperty("digitisedWithElectronicResult").GetInt32()
            .ShouldBe(returned.Count(d => d.ReturnedOnline && d.Digitised));
        agency.GetProperty("withdrawn").GetInt32().ShouldBe(dossiers.Count(d => d.Withdrawn));
        agency.GetProperty("refused").GetInt32().ShouldBe(dossiers.Count(d => d.Refused));
        var judged = dossiers.Select(d => d.National).OfType<Timeliness>().ToList();
        agency.GetProperty("judged").GetInt32().ShouldBe(judged.Count);
        agency.GetProperty("onTime").GetInt32()
            .ShouldBe(judged.Count(t => t is not (Timeliness.Late or Timeliness.Overdue)));
        var days = dossiers.Where(d => d.FinishedAt is not null && d.ReceivedAt is not null)
            .Select(d => Calendar.WorkingTimeBetween(d.ReceivedAt!.Value, d.FinishedAt!.Value).TotalHours / 8);
        agency.GetProperty("averageProcessingWorkingDays").GetDouble().ShouldBe(Math.Round(days.Average(), 2));
        agency.GetProperty("receivedOnline").GetInt32().ShouldBeGreaterThan(0, "precondition: online dossiers");
        agency.GetProperty("digitisedWithElectronicResult").GetInt32().ShouldBeGreaterThan(0);
    }

    private static bool InMarch(DateTimeOffset? at) => at >= MarchStart && at < AprilStart;

    /// <summary>One dossier, read straight from its events.</summary>
    private sealed record Recounted(
        Channel Channel,
        DateTimeOffset? ReceivedAt,
        DateTimeOffset? FinishedAt,
        DateTimeOffset? ReturnedAt,
        bool ReturnedOnline,
        bool Digitised,
        bool Withdrawn,
        bool Refused,
        List<DateTimeOffset> Requests,
        int Apologies,
        int LateHandOvers,
        Timeliness? Legal,
        Timeliness? National);

    private async Task<List<Recounted>> Recount()
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.GroupBy(e => e.StreamId).Select(g => Recount(g.ToList()))];
    }

    private static Recounted Recount(List<IEvent> events)
    {
        T? First<T>() where T : class => events.Select(e => e.Data).OfType<T>().FirstOrDefault();
        var submitted = First<DossierSubmitted>()!;
        var received = First<DossierReceived>();
        var finishedAt = new[]
        {
            First<DecisionMade>()?.At, First<ResultReturned>()?.At, First<DossierRefused>()?.At,
            First<ProcessingStopped>()?.At, First<DossierWithdrawn>()?.At,
        }.FirstOrDefault(at => at is not null);
        var requests = events.Select(e => e.Data).OfType<SupplementRequested>().ToList();
        var provided = events.Select(e => e.Data).OfType<SupplementProvided>().ToList();

        var legalAppointments = events.Select(e => e.Data switch
        {
            DossierReceived r => r.Appointment,
            SupplementProvided p => p.RestartedAppointment,
            DelayApologised d => d.NewAppointment,
            _ => null,
        }).OfType<DateTimeOffset>().ToList();

        Timeliness? legal = null, national = null;
        if (received?.Appointment is { } original)
        {
            var pausedUntil = finishedAt ?? Now;
            var paused = requests.Where(r => r.At > received.At).Sum(r =>
                Calendar.WorkingTimeBetween(r.At,
                    provided.FirstOrDefault(p => p.RequestNumber == r.RequestNumber)?.At ?? pausedUntil).Ticks);
            var nationalDue = Calendar.AddWorkingTime(original, TimeSpan.FromTicks(paused));
            var waiting = requests.Count > provided.Count;
            if (finishedAt is { } at)
            {
                legal = Calendar.Judge(legalAppointments[^1], at);
                national = requests.Count >= 2 ? Timeliness.Late : Calendar.Judge(nationalDue, at);
            }
            else
            {
                legal = waiting ? Timeliness.OnTrack : Calendar.JudgeInProgress(legalAppointments[^1], Now);
                national = requests.Count >= 2 ? Timeliness.Overdue : Calendar.JudgeInProgress(nationalDue, Now);
            }
        }

        var lateHandOvers = 0;
        var stepDeadline = received?.HandOverDeadline;
        foreach (var handOver in events.Select(e => e.Data).OfType<DossierHandedOver>())
        {
            if (handOver.At > stepDeadline)
                lateHandOvers++;
            stepDeadline = handOver.StepDeadline;
        }

        var returned = First<ResultReturned>();
        return new Recounted(submitted.Channel, received?.At, finishedAt, returned?.At,
            returned?.Method == ReturnMethod.Online, First<ComponentDigitised>() is not null,
            First<DossierWithdrawn>() is not null, First<DossierRefused>() is not null,
            [.. requests.Select(r => r.At)], events.Count(e => e.Data is DelayApologised), lateHandOvers, legal,
            national);
    }

    private static (int Early, int OnTime, int Late, int OnTrack, int DueSoon, int Overdue) Tally(
        IEnumerable<Timeliness?> judged)
    {
        var list = judged.OfType<Timeliness>().ToList();
        int N(Timeliness t) => list.Count(x => x == t);
        return (N(Timeliness.Early), N(Timeliness.OnTime), N(Timeliness.Late), N(Timeliness.OnTrack),
            N(Timeliness.DueSoon), N(Timeliness.Overdue));
    }

    private static (int Early, int OnTime, int Late, int OnTrack, int DueSoon, int Overdue) Counts(JsonElement c) =>
        (c.GetProperty("finishedEarly").GetInt32(), c.GetProperty("finishedOnTime").GetInt32(),
            c.GetProperty("finishedLate").GetInt32(), c.GetProperty("onTrack").GetInt32(),
            c.GetProperty("dueSoon").GetInt32(), c.GetProperty("overdue").GetInt32());
}
