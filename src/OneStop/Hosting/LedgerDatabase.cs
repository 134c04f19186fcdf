using Marten;
using OneStop.Integrity;

namespace OneStop.Hosting;

/// <summary>
/// Readies the database for commands that write without starting the web host (seed-demo, import, verify): the
/// same schema, and above all the hash-chain trigger, that a service start installs. Without it, events written
/// by such a command would carry no hash and later verify as extra.
/// </summary>
public static class LedgerDatabase
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var connection = await services.GetRequiredService<MerkleLog>().OpenAsync(ct);
        await LedgerSchema.InstallAsync(connection, LedgerSetup.Schema, ct);
        await FillDueAtAsync(connection, ct);
    }

    /// <summary>
    /// Dossier views written before the due column existed hold no value there: fill it for open dossiers from
    /// the fields it is made of (a no-op once done; finished dossiers never appear on a worklist).
    /// </summary>
    private static async Task FillDueAtAsync(Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            update {LedgerSetup.Schema}.mt_doc_dossierview
            set due_at = (case when data ->> 'status' = 'Submitted' then data ->> 'receptionDeadline'
                               else data ->> 'appointment' end)::timestamptz
            where due_at is null and data ->> 'finishedAt' is null
              and (case when data ->> 'status' = 'Submitted' then data ->> 'receptionDeadline'
                        else data ->> 'appointment' end) is not null
            """;
        await command.ExecuteNonQueryAsync(ct);
    }
}
