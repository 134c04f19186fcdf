using System.Globalization;
using System.Text.Json;
using Marten;
using OneStop.Applicants;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Problems;

namespace OneStop.Importing;

/// <summary>What an import did.</summary>
public sealed record ImportSummary(int Dossiers, long Events, IReadOnlyList<string> Rejected);

/// <summary>
/// Brings historical dossiers into the ledger as events dated when they happened. History is recorded, not
/// re-decided: today's rules did not govern it, so the events are written as facts by the migration actor, in
/// large transactions; the database trigger hashes them like any other event.
/// </summary>
public sealed class HistoryImport(IDocumentStore store, ProcedureCatalogue catalogue, int batchSize = 500)
{
    public static readonly Actor Migration = new("migration", "admin", "MIGRATION");

    public async Task<ImportSummary> RunAsync(TextReader lines, IProgress<int> progress, CancellationToken ct)
    {
        var rejected = new List<string>();
        var batch = new List<(ImportedDossier Dossier, Procedure Procedure)>(batchSize);
        int dossiers = 0, lineNumber = 0;
        long events = 0;
        var highest = new Dictionary<(string Agency, DateOnly Day), int>();
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (dossier, procedure, problem) = Parse(line);
            if (problem is not null)
            {
                rejected.Add($"line {lineNumber}: {problem}");
                continue;
            }

            batch.Add((dossier!, procedure!));
            Track(highest, dossier!.Code);
            if (batch.Count == batchSize)
            {
                events += await WriteAsync(batch, ct);
                dossiers += batch.Count;
                progress.Report(dossiers);
                batch.Clear();
            }
        }

        events += await WriteAsync(batch, ct);
        dossiers += batch.Count;
        await RaiseCountersAsync(highest, ct);
        progress.Report(dossiers);
        return new ImportSummary(dossiers, events, rejected);
    }

    private (ImportedDossier?, Procedure?, string?) Parse(string line)
    {
        try
        {
            var dossier = InputRules.Check(JsonSerializer.Deserialize<ImportedDossier>(line, Json));
            InputRules.Check(dossier.Applicant);
            var procedure = catalogue.Find(dossier.ProcedureCode);
            if (procedure is null)
                return (null, null, $"unknown procedure '{dossier.ProcedureCode}'");
            return ImportedEvents.Problem(dossier) is { } problem ? (null, null, problem) : (dossier, procedure, null);
        }
        catch (Exception e) when (e is JsonException or InvalidInput)
        {
            return (null, null, e is InvalidInput invalid
                ? string.Join("; ", invalid.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"))
                : "not a valid dossier line");
        }
    }

    private async Task<long> WriteAsync(
        List<(ImportedDossier Dossier, Procedure Procedure)> batch,
        CancellationToken ct)
    {
        if (batch.Count == 0)
            return 0;
        await using var session = store.LightweightSession();
        session.CorrelationId = $"import-{Guid.CreateVersion7()}";
        session.LastModifiedBy = Migration.OfficerId;
        session.SetHeader("officer", Migration.OfficerId);
        session.SetHeader("role", Migration.Role);
        session.SetHeader("unit", Migration.Unit);
        session.SetHeader("channel", "migration");
        long events = 0;
        foreach (var (dossier, procedure) in batch)
        {
            var applicant = ApplicantRecord.From(dossier.Applicant);
            session.Store(applicant);
            var history = ImportedEvents.For(dossier, procedure, Guid.CreateVersion7(), applicant, Migration);
            session.Events.StartStream<Dossier>(history.Id, history.Events);
            events += history.Events.Count;
        }

        await session.SaveChangesAsync(ct);
        return events;
    }

    /// <summary>New codes continue after the highest imported one of each day, so none collides.</summary>
    private async Task RaiseCountersAsync(Dictionary<(string Agency, DateOnly Day), int> highest, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        foreach (var ((agency, day), sequence) in highest)
        {
            session.QueueSqlCommand(
                $"insert into {store.Options.DatabaseSchemaName}.{DossierCodes.TableName} as c " +
                "(agency, day, last_sequence) values (?, ?, ?) on conflict (agency, day) do update " +
                "set last_sequence = greatest(c.last_sequence, excluded.last_sequence)",
                agency, day, sequence);
        }

        await session.SaveChangesAsync(ct);
    }

    private static void Track(Dictionary<(string, DateOnly), int> highest, string code)
    {
        // AGENCY-YYMMDD-NNNN; codes of another shape are kept as they are and reserve nothing.
        var parts = code.Split('-');
        if (parts.Length < 3
            || !DateOnly.TryParseExact(parts[^2], "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var day)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return;
        var key = (string.Join('-', parts[..^2]), day);
        highest[key] = Math.Max(highest.GetValueOrDefault(key), sequence);
    }

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        Hosting.LedgerSetup.ConfigureJson(json);
        return json;
    }
}
