using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OneStop.Tracking;

namespace OneStop.Bench.Reads;

/// <summary>
/// Fills the read models with copies of the imported templates: each copy keeps a template's read model rows
/// (the exact shapes the projections wrote, dates included) under a new id and code, so every month holds the
/// same mix. Only the rows the reads touch are copied: the events stay the templates' own.
/// </summary>
public sealed class Loader(string connectionString, int templates)
{
    private const string Schema = "onestop";
    private const string Marks = "bench_templates";
    private static readonly string[] Documents =
        ["mt_doc_dossierview", "mt_doc_dossiertimeline", "mt_doc_dossierfacts"];

    /// <summary>Gives every template a receipt secret (all the same one), as submission does.</summary>
    public async Task<string> AddReceiptSecretsAsync(ReceiptSecretKey secrets)
    {
        var (stored, secret) = secrets.NewFor(Guid.Empty);
        await ExecuteAsync($"""
            insert into {Schema}.mt_doc_receiptsecret (id, data, mt_dotnet_type)
            select v.data->>'code', jsonb_build_object('id', v.data->>'code', 'dossierId', v.id, 'hash', @hash),
                   'OneStop.Tracking.ReceiptSecret'
            from {Schema}.mt_doc_dossierview v
            """, ("hash", stored.Hash));
        return secret;
    }

    /// <summary>Copies every template until the read models hold <paramref name="dossiers"/> dossiers.</summary>
    public async Task CopyAsync(int dossiers)
    {
        var copies = (dossiers / templates) - 1;
        var clock = Stopwatch.StartNew();
        await ExecuteAsync($"create table {Schema}.{Marks} as select id from {Schema}.mt_doc_dossierview");
        const int PerStatement = 25;
        for (var first = 1; first <= copies; first += PerStatement)
        {
            var last = Math.Min(copies, first + PerStatement - 1);
            foreach (var table in Documents)
                await ExecuteAsync(await CopySqlAsync(table, byDossierId: true), ("first", first), ("last", last));
            await ExecuteAsync(await CopySqlAsync("mt_doc_receiptsecret", byDossierId: false),
                ("first", first), ("last", last));
            Console.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rLoaded {(last + 1) * templates:N0} dossiers in {clock.Elapsed.TotalSeconds:F0} s   "));
        }

        Console.WriteLine();
        await ExecuteAsync($"drop table {Schema}.{Marks}");
        await ExecuteAsync("vacuum analyze");
        Console.WriteLine($"Loaded and analysed in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Copies k of a template get the id md5(id:k) and the code suffix -k; a receipt secret follows its dossier.
    /// </summary>
    private async Task<string> CopySqlAsync(string table, bool byDossierId)
    {
        var columns = await ColumnsAsync(table);
        const string NewDossier = "md5(m.id::text || ':' || k)::uuid";
        var newId = byDossierId ? NewDossier : "t.id || '-' || k";
        var data = byDossierId
            ? $"""
              case when t.data ? 'code'
                then t.data || jsonb_build_object('id', {NewDossier}, 'code', (t.data->>'code') || '-' || k)
                else t.data || jsonb_build_object('id', {NewDossier}) end
              """
            : $"t.data || jsonb_build_object('id', t.id || '-' || k, 'dossierId', {NewDossier})";
        var values = columns.Select(c => c == "id" ? newId : c == "data" ? data : $"t.{c}");
        var join = byDossierId ? "m.id = t.id" : "m.id = (t.data->>'dossierId')::uuid";
        return $"""
            insert into {Schema}.{table} ({string.Join(", ", columns)})
            select {string.Join(", ", values)}
            from {Schema}.{table} t join {Schema}.{Marks} m on {join}
              cross join generate_series(@first, @last) k
            """;
    }

    private async Task<List<string>> ColumnsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select column_name from information_schema.columns where table_schema = @s and table_name = @t " +
            "order by ordinal_position", connection);
        command.Parameters.AddWithValue("s", Schema);
        command.Parameters.AddWithValue("t", table);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
            columns.Add(reader.GetString(0));
        return columns;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
