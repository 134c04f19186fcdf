using Marten;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Submitting;

namespace OneStop.Seeding;

/// <summary>What the demo made.</summary>
public sealed record DemoSummary(int Dossiers, int Commands, IReadOnlyDictionary<string, int> Refusals);

/// <summary>
/// Plays months of one-stop work through the real command handlers with a simulated clock: every event is
/// decided by the same pure functions and appended through the same runner as an HTTP command.
/// </summary>
public sealed class DemoHistory(
    IDocumentStore store,
    DossierCommandRunner runner,
    ProcedureCatalogue catalogue,
    WorkingCalendar calendar,
    int seed)
{
    private readonly Random random = new(seed);
    private readonly PriorityQueue<DemoDossier, DateTimeOffset> due = new();
    private readonly DemoActions actions = new(runner, calendar, new Random(seed + 1));
    private int commands;
    private readonly Dictionary<string, int> refusals = [];

    public async Task<DemoSummary> PlayAsync(
        DateTimeOffset from,
        DateTimeOffset until,
        int perDay,
        IProgress<(DateOnly Day, int Done)> progress,
        CancellationToken ct)
    {
        var dossiers = 0;
        for (var day = calendar.LocalDate(from); calendar.At(day, TimeOnly.MinValue) < until; day = day.AddDays(1))
        {
            var todays = Arrivals(day, perDay).Where(a => a.At < until).OrderBy(a => a.At).ToList();
            await RunDueUntil(calendar.At(day, TimeOnly.MinValue), ct);
            foreach (var (at, dossier) in todays)
            {
                await RunDueUntil(at, ct);
                await SubmitAsync(dossier, at, ct);
                dossiers++;
            }

            progress.Report((day, dossiers));
        }

        await RunDueUntil(until, ct);
        return new DemoSummary(dossiers, commands, refusals);
    }

    private IEnumerable<(DateTimeOffset At, DemoDossier Dossier)> Arrivals(DateOnly day, int perDay)
    {
        var working = calendar.IsWorkingDay(day);
        var count = working ? perDay + random.Next(-perDay / 4, perDay / 4 + 1) : perDay / 8;
        for (var i = 0; i < count; i++)
        {
            var channel = working ? DrawChannel() : Channel.Online;
            var procedure = catalogue.Procedures[random.Next(catalogue.Procedures.Count)];
            if (procedure.Channels is { } allowed && !allowed.Contains(channel) && channel != Channel.Kiosk)
                channel = allowed[random.Next(allowed.Count)];
            var minute = channel == Channel.Online
                ? random.Next(6 * 60, 23 * 60)
                : random.Next((7 * 60) + 35, (16 * 60) + 50);
            var at = calendar.At(day, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));
            if (channel != Channel.Online && calendar.WorkingTimeBetween(at, at.AddMinutes(1)) == TimeSpan.Zero)
                at = calendar.NextOpening(at).AddMinutes(random.Next(5, 60));
            yield return (at, new DemoDossier(procedure, channel, random));
        }
    }

    private Channel DrawChannel() => random.NextDouble() switch
    {
        < 0.45 => Channel.Online,
        < 0.80 => Channel.Counter,
        < 0.92 => Channel.Postal,
        _ => Channel.Kiosk,
    };

    private async Task SubmitAsync(DemoDossier dossier, DateTimeOffset at, CancellationToken ct)
    {
        var required = dossier.Procedure.Components.Where(c => c.Required).Select(c => c.Id).ToList();
        var provided = dossier.Incomplete && required.Count > 1 ? required.Skip(random.Next(1, 3)).ToList() : required;
        dossier.MissingAtSubmission = [.. required.Except(provided)];
        var command = new SubmitDossier(dossier.Procedure.Id, dossier.Channel, DemoPeople.Applicant(random), provided);
        var submitter = dossier.Channel switch
        {
            Channel.Counter => DemoPeople.Reception(random),
            Channel.Postal => DemoPeople.Postal,
            Channel.Kiosk => Actor.Applicant with { Unit = "kiosk" },
            _ => Actor.Applicant with { Unit = "portal" },
        };
        await using var session = store.LightweightSession();
        var receipt = await SubmitDossierEndpoint.SubmitAsync(session, runner,
            DemoPeople.Origin(submitter, at, dossier.Channel.ToString()), command, ct);
        commands++;
        dossier.Id = receipt.Id;
        dossier.Version = receipt.Version;
        actions.PlanReception(dossier, at);
        Enqueue(dossier);
    }

    private async Task RunDueUntil(DateTimeOffset until, CancellationToken ct)
    {
        while (due.TryPeek(out var dossier, out var at) && at <= until)
        {
            due.Dequeue();
            var (_, action) = dossier.Plan[0];
            dossier.Plan.RemoveAt(0);
            try
            {
                await actions.ExecuteAsync(store, dossier, action, at, ct);
                commands++;
            }
            catch (Exception e) when (e is RuleViolation or NotAllowed or InvalidInput)
            {
                // A realistic mix includes commands the rules refuse; the ledger records nothing for them.
                var kind = $"{action}: {(e as RuleViolation)?.Rule ?? e.GetType().Name}";
                refusals[kind] = refusals.GetValueOrDefault(kind) + 1;
                actions.AfterRefusal(dossier, action, at);
            }

            Enqueue(dossier);
        }
    }

    private void Enqueue(DemoDossier dossier)
    {
        dossier.Plan.Sort((a, b) => a.At.CompareTo(b.At));
        if (dossier.Plan.Count > 0)
            due.Enqueue(dossier, dossier.Plan[0].At);
    }
}
