using System.Globalization;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace OneStop.Dossiers;

/// <summary>
/// Dossier codes `{agency}-{YYMMDD}-{NNNN}` (Circular 01/2018). The database assigns the day's sequence in
/// the submitting transaction, so codes stay gap-free and unique however many nodes submit at once: a
/// rolled-back submission gives its number back with the rest of the transaction.
/// </summary>
public static class DossierCodes
{
    public const string TableName = "onestop_dossier_code_counters";

    public static Table CounterTable(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, TableName,
            Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("agency").AsPrimaryKey();
        table.AddColumn<DateOnly>("day").AsPrimaryKey();
        table.AddColumn<int>("last_sequence").NotNull();
        return table;
    }

    public static async Task<string> NextAsync(
        IDocumentSession session,
        string agency,
        DateOnly localDay,
        CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using var command = ((NpgsqlConnection)session.Connection!).CreateCommand();
        command.CommandText =
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{TableName} as c " +
            "(agency, day, last_sequence) values (@agency, @day, 1) " +
            "on conflict (agency, day) do update set last_sequence = c.last_sequence + 1 " +
            "returning last_sequence";
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("day", localDay);
        var sequence = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(agency, localDay, sequence);
    }

    public static string Format(string agency, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency}-{day:yyMMdd}-{sequence:D4}");
}
