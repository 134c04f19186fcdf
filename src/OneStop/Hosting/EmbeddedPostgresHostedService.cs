namespace OneStop.Hosting;

/// <summary>Stops the embedded PostgreSQL server once everything else in the host has stopped.</summary>
public sealed class EmbeddedPostgresHostedService(EmbeddedPostgres postgres) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // StoppedAsync runs after every hosted service's StopAsync, so Marten's async daemon and Wolverine's
    // agents have released their connections whatever order the services were registered in.
    public Task StoppedAsync(CancellationToken cancellationToken) => postgres.StopAsync();
}

/// <summary>Registers an already started <see cref="EmbeddedPostgres"/> with the host.</summary>
public static class EmbeddedPostgresServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddedPostgres(this IServiceCollection services, EmbeddedPostgres postgres)
    {
        services.AddSingleton(postgres);
        services.AddHostedService(_ => new EmbeddedPostgresHostedService(postgres));
        return services;
    }
}
