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
        await FillWorklistColumnsAsync(connection, ct);
    }

    /// <summary>
    /// Dossier views written before the worklist's columns existed hold nothing there: fill them from the fields
    /// they are made of. A partial index finds the unfilled ones, so this costs nothing once done. In batches, each
    /// committed on its own, so a large ledger is filled step by step and a restart goes on where it stopped.
    /// </summary>
    private static async Task FillWorklistColumnsAsync(Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = $"""
            update {LedgerSetup.Schema}.mt_doc_dossierview
            set is_open = data ->> 'finishedAt' is null,
                is_received = data ->> 'receivedAt' is not null,
                due_at = (case when data ->> 'status' = 'Submitted' then data ->> 'receptionDeadline'
                               else data ->> 'appointment' end)::timestamptz
            where id in (select id from {LedgerSetup.Schema}.mt_doc_dossierview where is_open is null
                         limit {FillBatch})
            """;
        while (await command.ExecuteNonQueryAsync(ct) > 0)
        {
        }
    }

    private const int FillBatch = 10_000;
}
