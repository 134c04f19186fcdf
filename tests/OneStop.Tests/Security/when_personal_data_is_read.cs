using System.Text.Json;
using OneStop.Applicants;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Security;

/// <summary>
/// Every read of an applicant's personal data is an event in the dossier's own access log: who, when, why.
/// The applicant sees it through tracking; the dossier's version and proofs are untouched.
/// </summary>
public sealed class when_personal_data_is_read(LedgerApp app) : SecurityContext(app)
{
    [Fact]
    public async Task reception_sees_the_data_and_the_read_is_logged_for_the_applicant()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        At(LedgerApp.Start.AddMinutes(5));

        var reason = Uri.EscapeDataString("Gọi điện hẹn trả kết quả");

        var data = await Get($"/api/dossiers/{id}/applicant?reason={reason}", Reception);

        data.GetProperty("name").GetString().ShouldBe("Nguyễn Văn Test");
        data.GetProperty("identityNumber").GetString().ShouldBe("001099012345");
        var entry = (await AccessLogOf(receipt)).EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("what").GetString().ShouldBe("read");
        entry.GetProperty("officer").GetString().ShouldBe("rc-01");
        entry.GetProperty("role").GetString().ShouldBe("reception");
        entry.GetProperty("unit").GetString().ShouldBe(ReceptionUnit);
        entry.GetProperty("reason").GetString().ShouldBe("Gọi điện hẹn trả kết quả");
        entry.GetProperty("at").GetDateTimeOffset().ShouldBe(LedgerApp.Start.AddMinutes(5));
    }

    [Fact]
    public async Task a_read_does_not_move_the_dossier_version_so_the_next_command_still_applies()
    {
        var (id, version) = await a_received_dossier();

        await Get($"/api/dossiers/{id}/applicant", Reception);
        await Get($"/api/dossiers/{id}/applicant", Reception);

        (await EventCount(id)).ShouldBe(version);
        (await Command(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception)).Status
            .ShouldBe(200);
    }

    [Fact]
    public async Task an_inspector_must_say_why_and_a_read_without_a_reason_is_not_logged()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();

        var refused = await Get($"/api/dossiers/{id}/applicant", Inspector, status: 400);
        await Get($"/api/dossiers/{id}/applicant?reason=Thanh%20tra%20QĐ%2012%2F2026", Inspector);

        refused.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var entry = (await AccessLogOf(receipt)).EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("role").GetString().ShouldBe("inspector");
        entry.GetProperty("reason").GetString().ShouldBe("Thanh tra QĐ 12/2026");
    }

    [Fact]
    public async Task supervisors_and_administrators_never_see_personal_data()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();

        await Get($"/api/dossiers/{id}/applicant?reason=x", Supervisor, status: 403);
        await Get($"/api/dossiers/{id}/applicant?reason=x", Admin, status: 403);

        (await AccessLogOf(receipt)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_handling_unit_reads_only_the_dossiers_it_holds()
    {
        var (id, _) = await a_dossier_in_processing();

        await Get($"/api/dossiers/{id}/applicant", OtherUnitHandler, status: 403);
        var data = await Get($"/api/dossiers/{id}/applicant", Handler);

        data.GetProperty("name").GetString().ShouldBe("Nguyễn Văn Test");
    }

    [Fact]
    public async Task a_reason_with_control_characters_is_refused()
    {
        var id = await a_submitted_dossier();

        await Get($"/api/dossiers/{id}/applicant?reason=a%00b", Reception, status: 400);

        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(AccessLog.StreamOf(id))).Count.ShouldBe(0);
    }

    [Fact]
    public async Task the_access_log_is_chained_proved_and_audited_like_every_event()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        await Get($"/api/dossiers/{id}/applicant", Reception);
        await Get($"/api/dossiers/{id}/applicant?reason=Kiểm%20tra", Inspector);

        var report = await Verification();
        await Projected();
        var audit = await Get($"/api/audit?dossier={id}", Inspector);

        report.GetProperty("intact").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("eventsChecked").GetInt64().ShouldBe(3);
        var rows = audit.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("eventType").GetString())
            .ShouldBe(["dossier_submitted", "personal_data_read", "personal_data_read"]);
        rows.ShouldAllBe(r => r.GetProperty("dossierCode").GetString() == receipt.GetProperty("code").GetString());
        rows[2].GetProperty("role").GetString().ShouldBe("inspector");
        audit.ToString().ShouldNotContain("Kiểm tra");
    }

    [Fact]
    public void the_access_log_stream_id_is_fixed_by_the_dossier_id()
    {
        var dossier = Guid.Parse("01990000-0000-7000-8000-000000000001");

        var stream = AccessLog.StreamOf(dossier);

        stream.ShouldBe(AccessLog.StreamOf(dossier));
        stream.ShouldNotBe(AccessLog.StreamOf(Guid.Parse("01990000-0000-7000-8000-000000000002")));
        stream.Version.ShouldBe(8);
        stream.ShouldNotBe(dossier);
    }

    [Fact]
    public async Task the_access_log_needs_the_right_secret()
    {
        var receipt = await Submit();

        var answer = await Track(receipt.GetProperty("code").GetString()!, "WRONG-SECRET", "/api/track/access-log");

        answer.Status.ShouldBe(404);
        JsonDocument.Parse(answer.Body).RootElement.GetProperty("detail").GetString()
            .ShouldBe("No dossier matches this code and secret.");
    }
}
