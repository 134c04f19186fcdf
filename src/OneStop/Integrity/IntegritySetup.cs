using Marten;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>Wires the tamper-evident ledger: hash chain trigger, Merkle log, checkpoints, proofs.</summary>
public static class IntegritySetup
{
    public static void AddLedgerIntegrity(this WebApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.ConfigureMarten(options =>
            options.Storage.ExtendedSchemaObjects.AddRange(LedgerSchema.Tables(LedgerSetup.Schema)));
        builder.Services.AddSingleton(LedgerSigningKey.From(builder.Configuration, dataDirectory));
        builder.Services.AddSingleton(new PublishedCheckpoints(dataDirectory));
        builder.Services.AddSingleton(IntegrityOptions.From(builder.Configuration));
        builder.Services.AddSingleton<MerkleLog>();
        builder.Services.AddSingleton<LedgerProofs>();
        builder.Services.AddSingleton<LedgerVerifier>();
        builder.Services.AddHostedService<CheckpointPublisher>();
    }
}
