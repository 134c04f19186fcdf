using System.Globalization;
using Marten;
using Npgsql;
using NpgsqlTypes;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Hosting;
using OneStop.Projections.Dossiers;

namespace OneStop.Worklist;

/// <summary>
/// A worklist's counts, total and first items in one statement, so they agree with each other (one snapshot) and
/// the unit's open dossiers are read once. Filters, counts and order use the dossier view's own columns; the
/// fields listed come out of each listed document in one pass (jsonb_to_record), because PostgreSQL decompresses
/// a document again for every field read out of it one by one, and reading whole documents would send and parse
/// every field the worklist does not show.
/// </summary>
/// <param name="Unit">The unit whose dossiers are listed (as given or in capitals), or null for every unit.</param>
/// <param name="Desk">The reception unit when the desk's worklist is asked for: it also holds every dossier waiting
/// for reception, whoever holds it.</param>
/// <param name="Officer">Only the dossiers this officer holds, or null.</param>
/// <param name="Wanted">Only overdue, due soon or on track dossiers in the list and total, or null for all.</param>
/// <param name="Now">The instant judged at.</param>
/// <param name="Soon">The last deadline that counts as due soon at <paramref name="Now"/>.</param>
/// <param name="Limit">How many items to list at most, or null for every one.</param>
public sealed record WorklistQuery(
    string? Unit,
    string? Desk,
    string? Officer,
    Timeliness? Wanted,
    DateTimeOffset Now,
    DateTimeOffset Soon,
    int? Limit)
{
    private static readonly string Submitted = nameof(DossierStatus.Submitted);
    private static readonly string AwaitingSupplement = nameof(DossierStatus.AwaitingSupplement);

    // The three parts of a worklist by binding deadline, written once for the counts and the list alike.
    private const string Overdue = "due_at < @now";
    private const string DueSoon = "due_at >= @now and due_at <= @soon";
    private const string OnTrack = "due_at > @soon";

    public static async Task<(WorklistCounts Counts, int Total, List<WorklistItem> Items)> RunAsync(
        IQuerySession session, WorklistQuery query, CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = query.Command(connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<WorklistItem>();
        WorklistCounts counts = new(0, 0, 0);
        var total = 0;
        var serializer = session.DocumentStore.Options.Serializer();
        while (await reader.ReadAsync(ct))
        {
            counts = new WorklistCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            total = reader.GetInt32(3);
            if (!reader.IsDBNull(4))
                items.Add(Item(reader, serializer));
        }

        return (counts, total, items);
    }

    /// <summary>The statement with its parameters (bench/Reads prints its plan).</summary>
    public NpgsqlCommand Command(NpgsqlConnection connection)
    {
        var command = connection.CreateCommand();
        var where = new List<string>
        {
            $"is_open and ((is_received and status <> '{AwaitingSupplement}') or status = '{Submitted}')",
        };
        if (Desk is not null)
        {
            where.Add($"(holding_unit = @desk or status = '{Submitted}')");
            command.Parameters.AddWithValue("desk", Desk);
        }
        else if (!string.IsNullOrWhiteSpace(Unit))
        {
            // One unit reads its index range in deadline order; the unit as typed is tried only when it differs.
            var upper = Unit.ToUpperInvariant();
            where.Add(upper == Unit
                ? $"holding_unit = @unit and status <> '{Submitted}'"
                : $"holding_unit in (@unit, @typed) and status <> '{Submitted}'");
            command.Parameters.AddWithValue("unit", upper);
            command.Parameters.AddWithValue("typed", Unit);
        }

        if (!string.IsNullOrWhiteSpace(Officer))
        {
            where.Add("holding_officer = @officer");
            command.Parameters.AddWithValue("officer", Officer);
        }

        // PostgreSQL's timestamptz parameters must be given in UTC.
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, Now.UtcDateTime);
        command.Parameters.AddWithValue("soon", NpgsqlDbType.TimestampTz, Soon.UtcDateTime);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Bigint, Limit is { } limit ? limit : DBNull.Value);
        var chosen = Wanted switch
        {
            Timeliness.Overdue => Overdue,
            Timeliness.DueSoon => DueSoon,
            Timeliness.OnTrack => OnTrack,
            _ => "true",
        };
        var schema = LedgerSetup.Schema;
        command.CommandText = $"""
            with base as materialized (
              select id, due_at from {schema}.mt_doc_dossierview where {string.Join(" and ", where)}
            ), counts as (
              select count(*) filter (where {Overdue})::int as overdue,
                     count(*) filter (where {DueSoon})::int as due_soon,
                     count(*) filter (where {OnTrack})::int as on_track,
                     count(*) filter (where {chosen})::int as total
              from base
            )
            select c.overdue, c.due_soon, c.on_track, c.total, l.id, x.code, x.version, x."procedureCode", x.status,
                   x."holdingUnit", x."holdingOfficer", x."currentStep", x."stepName", x."stepDeadline",
                   x.appointment, x."receptionDeadline", x.alerts
            from counts c
            left join lateral (
              select id, due_at from base where {chosen} order by due_at, id limit @limit
            ) l on true
            left join {schema}.mt_doc_dossierview d on d.id = l.id
            left join lateral jsonb_to_record(d.data) as x(
              code text, version int, "procedureCode" text, status text, "holdingUnit" text, "holdingOfficer" text,
              "currentStep" int, "stepName" text, "stepDeadline" text, appointment text, "receptionDeadline" text,
              alerts jsonb) on true
            order by l.due_at, l.id
            """;
        return command;
    }

    private static WorklistItem Item(NpgsqlDataReader reader, ISerializer serializer)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        // The document keeps each instant with the offset it was written with; the answer shows it the same way.
        DateTimeOffset? Instant(int i) => Text(i) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        var alerts = Text(16) is { } json
            ? serializer.FromJson<List<AlertView>>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            : [];
        return new WorklistItem(
            reader.GetGuid(4),
            Text(5) ?? "",
            reader.IsDBNull(6) ? 0 : reader.GetInt32(6),
            Text(7) ?? "",
            Enum.Parse<DossierStatus>(Text(8)!),
            Text(9) ?? "",
            Text(10),
            reader.IsDBNull(11) ? 0 : reader.GetInt32(11),
            Text(12),
            Instant(13),
            Instant(14),
            Instant(15),
            null,
            null,
            null,
            alerts);
    }
}
