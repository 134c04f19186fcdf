using Npgsql;
using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

public sealed class when_a_persistent_cluster_restarts : IDisposable
{
    // Under /tmp rather than the temp folder: the postgres user must traverse every parent when tests run as root.
    private readonly string folder = Path.Combine("/tmp", $"onestop-persistent-test-{Guid.NewGuid():N}");

    // Without fsync initdb takes a fraction of the time, and a clean stop still writes every page to disk.
    private EmbeddedPostgresOptions Options => new() { DataDirectory = folder, Database = "ledger", Fsync = false };

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task data_from_the_first_run_survives_on_the_same_port()
    {
        int firstPort;
        await using (var first = await EmbeddedPostgres.StartAsync(Options))
        {
            firstPort = first.Port;
            await ExecuteAsync(first.ConnectionString, "create table kept (id int); insert into kept values (42)");
        }

        await using var second = await EmbeddedPostgres.StartAsync(Options);

        second.Port.ShouldBe(firstPort, "a persistent cluster should keep its port across restarts");
        (await ExecuteAsync(second.ConnectionString, "select id from kept")).ShouldBe(42);
    }

    [Fact]
    public async Task a_second_start_while_running_reuses_the_server()
    {
        await using var first = await EmbeddedPostgres.StartAsync(Options);
        await ExecuteAsync(first.ConnectionString, "create table kept (id int); insert into kept values (7)");

        await using var second = await EmbeddedPostgres.StartAsync(Options);

        second.Port.ShouldBe(first.Port);
        (await ExecuteAsync(second.ConnectionString, "select id from kept")).ShouldBe(7);
        await second.StopAsync();
        await first.StopAsync();
        Directory.Exists(folder).ShouldBeTrue("stopping a persistent cluster must keep its data");
    }

    /// <summary>
    /// Regression: a second service started on the same data folder (its port taken, so it failed and exited)
    /// stopped the server it had merely reused, and the first service lost its database mid-request.
    /// </summary>
    [Fact]
    public async Task a_process_that_reused_the_server_leaves_it_running_when_it_stops()
    {
        await using var first = await EmbeddedPostgres.StartAsync(Options);
        var second = await EmbeddedPostgres.StartAsync(Options);

        await second.StopAsync();

        first.StartedHere.ShouldBeTrue();
        second.StartedHere.ShouldBeFalse();
        (await ExecuteAsync(first.ConnectionString, "select 1")).ShouldBe(1, "the first process's server still runs");
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
