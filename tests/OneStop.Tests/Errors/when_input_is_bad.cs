using Alba;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Errors;

/// <summary>Bad input gets a 400 problem and appends nothing.</summary>
public sealed class when_input_is_bad(LedgerApp app) : LedgerContext(app)
{
    private const string Start = "{\"procedureCode\":\"G06.TDC.02\",\"channel\":";

    public static TheoryData<string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"version\": 1," },
        { "missing version", "{}" },
        { "version of the wrong type", "{\"version\": \"one\"}" },
        { "version far too large", "{\"version\": 1e40}" },
        { "unknown property", "{\"version\": 1, \"refuse\": null, \"admin\": true}" },
        { "NUL character", "{\"version\": 1, \"refuse\": \"a\\u0000b\"}" },
        { "lone surrogate", "{\"version\": 1, \"refuse\": \"a\\ud800b\"}" },
        { "over-long string", "{\"version\": 1, \"refuse\": \"" + new string('x', 5000) + "\"}" },
        { "JSON null body", "null" },
        { "an array, not an object", "[1,2]" },
        { "version zero", "{\"version\": 0}" },
        { "version sent as a string", "{\"version\": \"1\"}" },
        { "a key given twice", "{\"version\": 1, \"version\": 1}" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task a_bad_reception_body_is_refused_with_a_problem(string situation, string body)
    {
        var id = await a_submitted_dossier();

        var result = await Post($"/api/dossiers/{id}/reception", body, Reception);

        result.Context.Response.StatusCode.ShouldBe(400, situation);
        result.Context.Response.ContentType!.ShouldStartWith("application/problem+json", Case.Sensitive, situation);
        (await EventCount(id)).ShouldBe(1, situation);
    }

    [Theory]
    [InlineData(Start + "\"Telepathy\",\"applicant\":{\"kind\":\"Citizen\",\"name\":\"A\"}}")]
    [InlineData(Start + "\"Kiosk\"}")]
    [InlineData(Start + "\"Kiosk\",\"applicant\":{\"kind\":\"Citizen\",\"name\":\"\"}}")]
    [InlineData(Start + "\"Kiosk\",\"applicant\":{\"kind\":\"Citizen\",\"name\":\"A\"}," +
        "\"components\":[\"nonsense\"]}")]
    [InlineData(Start + "\"Kiosk\",\"applicant\":{\"kind\":\"Citizen\",\"name\":\"A\"," +
        "\"email\":\"not-an-email\"}}")]
    public async Task a_bad_submission_is_refused_and_starts_no_dossier(string body)
    {
        var result = await Post("/api/dossiers", body, token: null);

        result.Context.Response.StatusCode.ShouldBe(400);
        await using var session = Store.QuerySession();
        (await session.AdvancedSql.QueryAsync<long>("select count(*) from onestop.mt_events", CancellationToken.None))
            .Single().ShouldBe(0);
    }

    [Fact]
    public async Task malformed_json_has_its_own_stable_problem_type()
    {
        var id = await a_submitted_dossier();

        var result = await Post($"/api/dossiers/{id}/reception", "{\"version\": 1,", Reception);

        var problem = await result.ReadAsJsonAsync<System.Text.Json.JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe("https://onestop.gov.vn/problems/malformed-json");
    }

    [Fact]
    public async Task an_unknown_procedure_is_not_found()
    {
        var body = "{\"procedureCode\":\"NOPE\",\"channel\":\"Kiosk\"," +
            "\"applicant\":{\"kind\":\"Citizen\",\"name\":\"A\"}}";

        (await Post("/api/dossiers", body, token: null)).Context.Response.StatusCode.ShouldBe(404);
    }

    private Task<IScenarioResult> Post(string url, string body, string? token) => Host.Scenario(s =>
    {
        s.Post.Text(body).ToUrl(url);
        s.WithRequestHeader("Content-Type", "application/json");
        if (token is not null)
            s.WithBearerToken(token);
        s.IgnoreStatusCode();
    });
}
