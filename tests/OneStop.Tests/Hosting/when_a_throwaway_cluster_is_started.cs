using System.Net.Sockets;
using Npgsql;
using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

public sealed class when_a_throwaway_cluster_is_started : IAsyncLifetime
{
    private EmbeddedPostgres postgres = null!;

    public async Task InitializeAsync() =>
        postgres = await EmbeddedPostgres.StartThrowawayAsync(nameof(when_a_throwaway_cluster_is_started));

    public async Task DisposeAsync() => await postgres.DisposeAsync();

    [Fact]
    public async Task it_answers_queries_on_its_own_database()
    {
        (await ScalarAsync(postgres.ConnectionString, "select 1")).ShouldBe(1);
        (await ScalarAsync(postgres.ConnectionString, "select current_database()"))
            .ShouldBe("when_a_throwaway_cluster_is_started");
    }

    [Fact]
    public async Task it_creates_further_databases_on_demand()
    {
        var second = await postgres.CreateDatabaseAsync("second_collection");
        var again = await postgres.CreateDatabaseAsync("second_collection");

        (await ScalarAsync(second, "select current_database()")).ShouldBe("second_collection");
        again.ShouldBe(second, "creating an existing database should hand back the same connection string");
    }

    [Fact]
    public async Task it_allows_200_connections_and_listens_on_loopback_only()
    {
        (await ScalarAsync(postgres.ConnectionString, "show max_connections")).ShouldBe("200");
        (await ScalarAsync(postgres.ConnectionString, "show listen_addresses")).ShouldBe("127.0.0.1");
        (await ScalarAsync(postgres.ConnectionString, "show unix_socket_directories")).ShouldBe("");
    }

    [Fact]
    public async Task stopping_it_deletes_its_folder_and_closes_its_port()
    {
        var folder = postgres.DataDirectory;
        Directory.Exists(folder).ShouldBeTrue("the cluster folder should exist while the server runs");

        await postgres.DisposeAsync();
        await postgres.DisposeAsync();

        Directory.Exists(folder).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", postgres.Port));
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
