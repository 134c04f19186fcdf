using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Integrity;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Integrity;

/// <summary>Helpers for the integrity tests: an inspector's reads, the Merkle log on demand, raw SQL.</summary>
public abstract class IntegrityContext(LedgerApp app) : LedgerContext(app)
{
    protected string Inspector => App.Token("in-01", "inspector", "THANHTRA");

    protected Task<Checkpoint?> a_checkpoint() =>
        Host.Services.GetRequiredService<MerkleLog>().AdvanceAsync(CancellationToken.None);

    /// <summary>Three received dossiers: six events, in sequence order A1 A2 B1 B2 C1 C2.</summary>
    protected async Task<List<Guid>> three_received_dossiers()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await a_received_dossier()).Id);
        return ids;
    }

    protected async Task<(int Status, JsonElement Body)> Get(string url, string? token = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token ?? Inspector);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode,
            string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    protected async Task<JsonElement> Verification(object? body = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body ?? new { }).ToUrl("/api/ledger/verification");
            s.WithBearerToken(Inspector);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>The sequence numbers of a dossier's events, in version order.</summary>
    protected async Task<List<long>> Sequences(Guid id) =>
        [.. await Query<long>("select seq_id from onestop.mt_events where stream_id = @id order by version", id)];

    protected async Task<string> CodeOf(Guid id) =>
        (await Query<string>("select data ->> 'code' from onestop.mt_events where stream_id = @id and version = 1",
            id)).Single();

    /// <summary>Raw SQL as the database superuser: what an attacker with full access can do.</summary>
    protected async Task Sql(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected async Task<List<T>> Query<T>(string sql, Guid? id = null)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
            command.Parameters.AddWithValue("id", id.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    private NpgsqlConnection Connect() =>
        (NpgsqlConnection)Store.Storage.Database.CreateConnection();
}
