using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Errors;

/// <summary>
/// Answers that named the wrong kind of failure: a version past the dossier's last answered with today's
/// state, an apology dated in year 9999 overflowed the calendar into a 500, a consultation that never existed
/// was a rule conflict (409) rather than unknown (404), a scan over the file limit was "invalid" (400) rather
/// than too large (413), and a wrong method was labelled a server error.
/// </summary>
public sealed class Regression_wrong_status_for_missing_or_oversized_things(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_version_the_dossier_never_had_is_not_found()
    {
        var (id, version) = await a_received_dossier();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}?version={version + 5}");
            s.WithBearerToken(Reception);
            s.StatusCodeShouldBe(404);
        });

        (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("/not-found");
    }

    [Fact]
    public async Task a_reply_to_a_consultation_that_never_existed_is_not_found()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, _) = await Command(id, "consultations/7/reply", new { version, reply = "Đồng ý" }, Handler);

        status.ShouldBe(404);
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_scan_over_the_file_limit_is_too_large()
    {
        var (id, version) = await a_received_dossier();

        var (status, _) = await Scan(id, version, "C01", Reception, new byte[(20 * 1024 * 1024) + 1]);

        status.ShouldBe(413);
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task an_instant_in_a_body_beyond_the_calendars_years_is_bad_input_not_a_server_error()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, _) = await Command(id, "delays",
            new { version, reason = "Chờ", newAppointment = "9999-12-31T23:59:59+00:00" }, Handler);

        status.ShouldBe(400);
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_wrong_method_is_named_as_such()
    {
        var result = await Host.Scenario(s =>
        {
            s.Delete.Url("/api/dossiers");
            s.WithBearerToken(Reception);
            s.StatusCodeShouldBe(405);
        });

        (await result.ReadAsTextAsync()).ShouldContain("/method-not-allowed");
    }
}
