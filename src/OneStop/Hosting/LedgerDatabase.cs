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
    }
}
