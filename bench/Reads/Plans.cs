using Npgsql;

namespace OneStop.Bench.Reads;

/// <summary>
/// EXPLAIN ANALYZE of the statements behind the oversight reads, as the service issues them (the facts of the
/// current month for compliance and transparency, through Marten; the worklist's own statement), to read beside
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
        // The worklist's own statement, as the service builds it for the page's 500 most urgent of the unit.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var worklist = new Worklist.WorklistQuery(unit, null, null, null, now, now.AddDays(1), 500)
                .Command(connection);
            await PrintAsync(connectionString, "Worklist: one unit's counts and 500 most urgent open dossiers",
                worklist.CommandText,
                [.. worklist.Parameters.Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]);
        }
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
