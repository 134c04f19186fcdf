using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;
using static OneStop.Tests.Security.RawRequests;

namespace OneStop.Tests.Security;

/// <summary>
/// Three kinds of input the fuzz test (seed 20260302) found answered with a 500, each now a clear problem:
/// a NUL in a query value went through Marten to PostgreSQL, which refuses NUL in text; a date at the end of
/// the calendar's range (0001-01-01, 9999-12-31) overflowed the period and time-zone arithmetic; and the
/// all-zero GUID as a dossier id made Marten throw an argument exception instead of finding no stream.
/// </summary>
public sealed class Regression_hostile_input_answered_with_a_500(LedgerApp app) : SecurityContext(app)
{
    [Theory]
    [InlineData("/api/worklist?unit=%00", RoleTable.Supervisor, "unit")]
    [InlineData("/api/audit?dossier=%00&unit=99999999999999999999", RoleTable.Supervisor, "dossier")]
    [InlineData("/api/procedures?search=a%01b", null, "search")]
    [InlineData("/api/compliance?to=9999-12-31", RoleTable.Supervisor, "to")]
    [InlineData("/api/compliance?from=0001-01-01", RoleTable.Admin, "from")]
    [InlineData("/api/reports/transparency?month=9999-12", null, "month")]
    [InlineData("/api/audit?from=1899-12-31T23:00:00Z", RoleTable.Inspector, "from")]
    public async Task a_control_character_or_out_of_range_date_in_the_query_is_a_400_naming_it(
        string url,
        string? role,
        string field)
    {
        var answer = await Host.Send(HttpMethod.Get, url, token: role is null ? null : App.Token("x-01", role, "VP"));

        answer.Status.ShouldBe(400, answer.Body);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://onestop.gov.vn/problems/invalid-input");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(answer.Body);
    }

    [Fact]
    public async Task the_all_zero_dossier_id_is_not_found_for_commands_and_reads()
    {
        var id = await a_submitted_dossier();
        var before = await AllEvents(Store);

        var command = await Host.Send(HttpMethod.Post, $"/api/dossiers/{Guid.Empty}/handovers",
            Json(new { version = 1, step = 1, unit = ReceptionUnit }), Postal);
        var events = await Host.Send(HttpMethod.Get, $"/api/dossiers/{Guid.Empty}/events", token: Inspector);

        command.Status.ShouldBe(404, command.Body);
        events.Status.ShouldBe(404, events.Body);
        (await AllEvents(Store)).ShouldBe(before);
        (await EventCount(id)).ShouldBe(1);
    }
}
