using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace OneStop.Chaos;

/// <summary>Where Wolverine's agents run right now, asked of every live node directly.</summary>
public sealed record Placement(IReadOnlyDictionary<string, List<string>> AgentNodes, IReadOnlyList<string> Nodes)
{
    /// <summary>The async projections OneStop registers; each must run somewhere, and only once.</summary>
    public static readonly string[] Projections = ["auditlog", "dossierfacts"];

    public IReadOnlyList<string> ProjectionAgents =>
        [.. AgentNodes.Keys.Where(a => Projections.Any(p => a.Contains(p, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// Wolverine's durability agent for the ledger database: it recovers envelopes a dead node left behind and
    /// releases scheduled messages (the deadline alerts) when they fall due. One per database, on one node.
    /// </summary>
    public const string Durability = "wolverinedb";

    /// <summary>Every async projection and the durability agent run, each on exactly one node.</summary>
    public bool EachAgentOnce => Projections.Append(Durability).All(p =>
        AgentNodes.Where(a => a.Key.Contains(p, StringComparison.OrdinalIgnoreCase)).Sum(a => a.Value.Count) == 1);

    public bool NodeRunning(string node, string projection) => AgentNodes.Any(a =>
        a.Key.Contains(projection, StringComparison.OrdinalIgnoreCase) && a.Value.Contains(node));

    public bool RunsOn(string node) => AgentNodes.Values.Any(n => n.Contains(node));

    public int AgentsOn(string node) => AgentNodes.Values.Count(n => n.Contains(node));

    /// <summary>
    /// Wolverine's even spread, family by family (projections, durability): no live node carries two agents of
    /// a family more than another. With fewer agents than nodes, a node may carry none.
    /// </summary>
    public bool Even => AgentNodes.GroupBy(a => new Uri(a.Key).Scheme).All(family =>
    {
        var counts = Nodes.Select(n => family.Count(a => a.Value.Contains(n))).ToList();
        return counts.Count > 0 && counts.Max() - counts.Min() <= 1;
    });

    public override string ToString() => string.Join("; ", AgentNodes.OrderBy(a => a.Key)
        .Select(a => $"{Short(a.Key)} on {string.Join("+", a.Value)}")) + $" (live: {string.Join(", ", Nodes)})";

    private static string Short(string uri) => uri.Length <= 60 ? uri : "…" + uri[^45..];
}

public sealed class ClusterProbe(ChaosLedger ledger, IReadOnlyList<ServiceNode> nodes)
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<Placement> ReadAsync()
    {
        var agents = new Dictionary<string, List<string>>();
        var answered = new List<string>();
        foreach (var node in nodes.Where(n => n.Running))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.Url, "/api/cluster/agents"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ledger.Inspector);
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                    continue;
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                answered.Add(node.Name);
                foreach (var agent in answer.GetProperty("agents").EnumerateArray())
                {
                    var uri = agent.GetString()!;
                    if (!agents.TryGetValue(uri, out var on))
                        agents[uri] = on = [];
                    on.Add(node.Name);
                }
            }
            catch (Exception e) when (Transport.Lost(e))
            {
                // A node starting or dying answers nothing; it runs nothing we can count on.
            }
        }

        return new Placement(agents, answered);
    }

    public async Task<(bool Passed, double Seconds, Placement Result)> WaitAsync(Func<Placement, bool> wanted,
        TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var placement = await ReadAsync();
        // Seen twice in a row, so a reading taken mid-handover does not count.
        var streak = 0;
        while (clock.Elapsed < limit)
        {
            streak = wanted(placement) ? streak + 1 : 0;
            if (streak == 2)
                return (true, clock.Elapsed.TotalSeconds, placement);
            await Task.Delay(500);
            placement = await ReadAsync();
        }

        return (false, clock.Elapsed.TotalSeconds, placement);
    }

    /// <summary>
    /// Seconds until a request sent through the balancer is answered by the given node (each node names itself
    /// on /api/cluster/agents), or -1 after the limit.
    /// </summary>
    public async Task<double> RoutedToAsync(Uri balancer, string node, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(balancer, "/api/cluster/agents"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ledger.Inspector);
                using var response = await http.SendAsync(request);
                var answer = response.IsSuccessStatusCode
                    ? await response.Content.ReadFromJsonAsync<JsonElement>()
                    : default;
                if (answer.ValueKind == JsonValueKind.Object && answer.GetProperty("node").GetString() == node)
                    return clock.Elapsed.TotalSeconds;
            }
            catch (Exception e) when (Transport.Lost(e))
            {
                // The balancer may still try a dead node once; ask again.
            }

            await Task.Delay(100);
        }

        return -1;
    }

    /// <summary>Seconds until the audit log projection has applied the given sequence, or -1 after the limit.</summary>
    public async Task<double> AuditLogPassesAsync(long sequence, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ledger.DriverConnectionString);
        await connection.OpenAsync();
        while (clock.Elapsed < limit)
        {
            await using var command = new NpgsqlCommand(
                "select coalesce(max(last_seq_id), 0) from onestop.mt_event_progression where name like 'AuditLog%'",
                connection);
            if ((long)(await command.ExecuteScalarAsync())! >= sequence)
                return clock.Elapsed.TotalSeconds;
            await Task.Delay(250);
        }

        return -1;
    }
}
