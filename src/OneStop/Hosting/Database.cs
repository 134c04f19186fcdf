namespace OneStop.Hosting;

/// <summary>
/// Where the ledger lives: a configured connection string always wins; without one the service starts its
/// own PostgreSQL cluster in the data folder and stops it on exit.
/// </summary>
public static class Database
{
    public const string ConnectionName = "Marten";

    public static async Task<string> ResolveAsync(WebApplicationBuilder builder, string[] args)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        // Issuing a token or writing the generated code needs no database; do not start one for it.
        if (args is ["token", ..] or ["codegen", ..])
            return "Host=127.0.0.1;Database=unused";

        var postgres = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.ForService(builder.Configuration));
        builder.Services.AddEmbeddedPostgres(postgres);
        return postgres.ConnectionString;
    }
}
