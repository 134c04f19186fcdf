using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>Idempotency-Key on POST: a retry gets the first answer and appends nothing.</summary>
public sealed class when_a_request_is_retried_with_an_idempotency_key(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_retried_submission_returns_the_first_receipt_and_creates_no_second_dossier()
    {
        var (status, first, _) = await Post("/api/dossiers", Submission(), Reception, "key-1");
        var (again, second, replayed) = await Post("/api/dossiers", Submission(), Reception, "key-1");

        status.ShouldBe(201);
        again.ShouldBe(201);
        replayed.ShouldBe("true");
        second.ToString().ShouldBe(first.ToString(), "the same id, code and receipt secret");
        (await DossierCount()).ShouldBe(1);
    }

    [Fact]
    public async Task a_retried_command_returns_the_first_answer_and_appends_nothing()
    {
        var id = await a_submitted_dossier();
        var url = $"/api/dossiers/{id}/reception";

        var (status, first, _) = await Post(url, new { version = 1 }, Reception, "receive-1");
        var (again, second, _) = await Post(url, new { version = 1 }, Reception, "receive-1");

        status.ShouldBe(200);
        again.ShouldBe(200, "without the key this retry would be a 409 version conflict");
        second.GetProperty("version").GetInt32().ShouldBe(first.GetProperty("version").GetInt32());
        (await EventCount(id)).ShouldBe(2);
    }

    [Fact]
    public async Task the_same_key_for_a_different_request_is_refused()
    {
        await Post("/api/dossiers", Submission(), Reception, "key-2");

        var (status, problem, _) = await Post("/api/dossiers", Submission("Lê Thị Khác"), Reception, "key-2");

        status.ShouldBe(422);
        problem.GetProperty("type").GetString().ShouldEndWith("/idempotency-key-reused");
        (await DossierCount()).ShouldBe(1);
    }

    [Fact]
    public async Task keys_belong_to_their_caller()
    {
        var other = App.Token("rc-02", "reception", ReceptionUnit);

        var (_, mine, _) = await Post("/api/dossiers", Submission(), Reception, "shared-key");
        var (_, theirs, replayed) = await Post("/api/dossiers", Submission(), other, "shared-key");

        replayed.ShouldBeNull();
        theirs.GetProperty("id").GetGuid().ShouldNotBe(mine.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task concurrent_duplicates_execute_once()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Post("/api/dossiers", Submission(), Reception, "burst")));

        attempts.ShouldAllBe(a => a.Status == 201);
        attempts.Select(a => a.Body.GetProperty("id").GetGuid()).Distinct().ShouldHaveSingleItem();
        (await DossierCount()).ShouldBe(1);
    }

    [Fact]
    public async Task the_stored_answer_does_not_reveal_the_receipt_secret()
    {
        var (_, receipt, _) = await Post("/api/dossiers", Submission(), Reception, "kiosk-retry-7f3a");
        await using var session = Store.QuerySession();

        var rows = await session.AdvancedSql.QueryAsync<string>(
            "select data::text from onestop.mt_doc_idempotentanswer", CancellationToken.None);

        rows.ShouldHaveSingleItem().ShouldNotContain(receipt.GetProperty("lookupSecret").GetString()!);
        rows[0].ShouldNotContain("kiosk-retry-7f3a");
    }

    private static object Submission(string name = "Phạm Văn Lặp") => new
    {
        procedureCode = ProcedureCode,
        channel = "Counter",
        applicant = new { kind = "Citizen", name },
        components = new[] { "C01", "C02", "C03", "C04", "C05" },
    };

    /// <summary>Submissions, not streams: a failed transaction leaves a tombstone stream behind in Marten.</summary>
    private async Task<long> DossierCount()
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from onestop.mt_events where type = 'dossier_submitted'",
            CancellationToken.None)).Single();
    }

    private async Task<(int Status, JsonElement Body, string? Replayed)> Post(string url, object body, string token,
        string key)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.WithRequestHeader("Idempotency-Key", key);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var replayed = result.Context.Response.Headers["Idempotent-Replayed"].ToString();
        return (result.Context.Response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(),
            replayed.Length == 0 ? null : replayed);
    }
}
