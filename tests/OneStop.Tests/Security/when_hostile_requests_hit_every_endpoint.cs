using System.Globalization;
using OneStop.Tests.Fixtures;
using Shouldly;
using Xunit.Abstractions;
using static OneStop.Tests.Security.RawRequests;

namespace OneStop.Tests.Security;

/// <summary>
/// Issue 5's fuzz run: thousands of generated malformed or hostile requests over every endpoint of the role
/// table (so a new endpoint is fuzzed as soon as it is listed), each with a token of a role the endpoint lets
/// in, aimed at real dossiers in several states. The service must answer each with a 4xx, append nothing,
/// and stay ready. The seed is fixed so a failure replays; `ONESTOP_FUZZ_SEED` explores others.
/// </summary>
public sealed class when_hostile_requests_hit_every_endpoint(LedgerApp app, ITestOutputHelper output)
    : SecurityContext(app)
{
    private const int RoundsPerEndpoint = 40;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task none_gets_a_server_error_none_appends_an_event_and_the_service_stays_ready()
    {
        var seed = Seed();
        var dossiers = await Dossiers_in_several_states();
        var before = await AllEvents(Store);
        var generator = new HostileRequests(seed, dossiers, ProcedureCode);
        var endpoints = RoleTable.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        for (var round = 0; round < RoundsPerEndpoint && failures.Count < 20; round++)
        {
            for (var e = 0; e < endpoints.Count; e++)
            {
                var n = (round * endpoints.Count) + e;
                var request = generator.Build(n, endpoints[e].Value);
                var answer = await SendWithin(request);
                statuses[answer?.Status ?? 0] = statuses.GetValueOrDefault(answer?.Status ?? 0) + 1;
                if (answer is null || answer.Status >= 500)
                    failures.Add($"seed {seed}, request {n}: {request} -> " +
                        (answer is null ? "no answer in time" : $"{answer.Status}, logged: {LastException()}"));
            }
        }

        var after = await AllEvents(Store);
        var ready = await Host.Send(HttpMethod.Get, "/health/ready");
        output.WriteLine($"seed {seed}: " + string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}")));

        failures.ShouldBeEmpty($"seed {seed}: {failures.Count} requests failed");
        statuses.Values.Sum().ShouldBeGreaterThanOrEqualTo(2_000);
        // Tokens fit the endpoints, so the requests reach input checks and rules rather than stopping at the door.
        statuses.ShouldNotContainKey(401);
        statuses.Keys.ShouldContain(400);
        statuses.Keys.ShouldContain(404);
        after.ShouldBe(before, $"seed {seed}: hostile requests appended {after - before} events");
        ready.Status.ShouldBe(200, $"seed {seed}: {ready.Body}");
        (await Command(dossiers[0], "supplement-requests",
            new { version = 1, missing = MissingComponents(), reason = "Thiếu thành phần" }, Reception)).Status
            .ShouldBe(200, $"seed {seed}: the service no longer takes a valid command");
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_FUZZ_SEED"), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var seed)
            ? seed
            : 20260302;

    private string[] MissingComponents() => AllRequiredComponents()[^1..];

    private async Task<List<Guid>> Dossiers_in_several_states()
    {
        var incomplete = await a_submitted_dossier(components: AllRequiredComponents()[..^1]);
        var (received, _) = await a_received_dossier();
        var (processing, _) = await a_dossier_in_processing();
        var (decided, _) = await a_decided_dossier();
        var (issued, _) = await a_dossier_with_its_result_issued();
        return [incomplete, received, processing, decided, issued];
    }

    private async Task<RawAnswer?> SendWithin(HostileRequest request)
    {
        var token = request.Role is null ? null : App.Token($"{request.Role}-01", request.Role, UnitOf(request.Role));
        var sending = Host.Send(request.Method, request.Url, request.Content(), token);
        return await Task.WhenAny(sending, Task.Delay(PerRequest)) == sending ? await sending : null;
    }

    private string LastException() =>
        App.Logs.Entries.LastOrDefault(e => e.Exception is not null)?.Exception?.Split('\n')[0] ?? "nothing";

    private string UnitOf(string role) =>
        role is RoleTable.Handler or RoleTable.UnitHead ? HandlingUnit : ReceptionUnit;
}
