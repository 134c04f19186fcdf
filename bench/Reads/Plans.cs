using Npgsql;

namespace OneStop.Bench.Reads;

/// <summary>
/// EXPLAIN ANALYZE of the statements behind the oversight reads, as Marten issues them (the facts of the
/// current month for compliance and transparency; one unit's open dossiers for the worklist), to read beside
/// the latencies.
/// </summary>
public static class Plans
{
    public static async Task PrintAsync(string connectionString, string unit)
    {
        var now = DateTimeOffset.UtcNow;
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
        await PrintAsync(connectionString, "Compliance and transparency: the month's facts",
            "select d.data, d.id, d.mt_version from onestop.mt_doc_dossierfacts as d " +
            "where (d.submitted_at < @end and (d.finished_at is null or d.last_event_at >= @start))",
            ("end", now), ("start", monthStart));
        await PrintAsync(connectionString, "Worklist: one unit's open dossiers",
            "select d.data, d.id, d.mt_version from onestop.mt_doc_dossierview as d " +
            "where (d.data ->> 'finishedAt' is null and d.data ->> 'receivedAt' is not null " +
            "and d.data ->> 'status' != 'AwaitingSupplement' " +
            "and (d.data ->> 'holdingUnit' = @unit or d.data ->> 'holdingUnit' = @unit))",
            ("unit", unit));
    }

    private static async Task PrintAsync(string connectionString, string title, string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("explain (analyze, buffers) " + sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine();
        Console.WriteLine(title);
        while (await reader.ReadAsync())
            Console.WriteLine("  " + reader.GetString(0));
    }
}
