using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Web;

/// <summary>The kiosk promises dates through the same code the ledger uses: every shared case, over HTTP.</summary>
public sealed class when_the_calendar_is_asked_over_http(LedgerApp app) : LedgerContext(app)
{
    private static readonly JsonElement[] Cases = JsonDocument.Parse(
        File.ReadAllText(SharedCases.PathOf("deadlines.json", "Calendar"))).RootElement
        .EnumerateArray().ToArray();

    public static TheoryData<int> CaseIndexes => new(Enumerable.Range(0, Cases.Length));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public async Task the_appointment_endpoint_gives_the_expected_instant(int index)
    {
        var c = Cases[index];
        var limit = c.GetProperty("limit");
        var from = Uri.EscapeDataString(c.GetProperty("receivedAt").GetString()!);

        var answer = await Get($"/api/calendar/appointment?from={from}&value={limit.GetProperty("value").GetInt32()}" +
            $"&unit={limit.GetProperty("unit").GetString()}", 200);

        answer.GetProperty("appointment").GetDateTimeOffset()
            .ShouldBe(c.GetProperty("expectedAppointment").GetDateTimeOffset(), c.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("2026-03-02T09:15:00", "2026-03-05T09:15:00+07:00")]
    [InlineData("2026-03-02T09:15:00%2B07:00", "2026-03-05T09:15:00+07:00")]
    [InlineData("2026-03-02T09:15:00+07:00", "2026-03-05T09:15:00+07:00")]
    [InlineData("2026-03-02T02:15:00Z", "2026-03-05T09:15:00+07:00")]
    [InlineData("2026-03-02T09:15:00Z", "2026-03-05T16:15:00+07:00")]
    [InlineData("2026-03-02", "2026-03-04T17:00:00+07:00")]
    public async Task an_instant_without_an_offset_is_vietnam_time(string from, string expected)
    {
        var answer = await Get($"/api/calendar/appointment?from={from}&value=3&unit=WorkingDays", 200);

        answer.GetProperty("appointment").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(expected));
    }

    [Fact]
    public async Task the_days_endpoint_names_tet_and_weekends()
    {
        var days = await Get("/api/calendar/days?from=2026-02-14&to=2026-02-17", 200);

        days.GetArrayLength().ShouldBe(4);
        days[0].GetProperty("reason").GetString().ShouldBe("Weekend");
        days[2].GetProperty("isWorkingDay").GetBoolean().ShouldBeFalse();
        days[2].GetProperty("reason").GetString()!.ShouldContain("Tet");
    }

    [Theory]
    [InlineData("/api/calendar/appointment?from=yesterday&value=1&unit=WorkingDays")]
    [InlineData("/api/calendar/appointment?from=2026-03-02T09:00:00Z&value=-1&unit=WorkingDays")]
    [InlineData("/api/calendar/appointment?from=2026-03-02T09:00:00Z&value=1&unit=Fortnights")]
    [InlineData("/api/calendar/appointment?from=2026-03-02T09:00:00Z&value=abc&unit=WorkingDays")]
    [InlineData("/api/calendar/days?from=2026-01-01&to=2030-01-01")]
    [InlineData("/api/calendar/days?from=2026-03-05&to=2026-03-01")]
    public async Task bad_queries_get_a_400_problem(string url) => await Get(url, 400);

    private async Task<JsonElement> Get(string url, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
