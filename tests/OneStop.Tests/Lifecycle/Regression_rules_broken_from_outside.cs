using System.Text.Json;
using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>
/// Rules a black-box run broke through the HTTP API: a second supplement request at reception, a reception
/// token of another unit taking a dossier in, officers of other units scanning, paying and correcting on
/// dossiers they do not hold, a hand-over to a unit the procedure does not name for the step, a blank refusal
/// that received the dossier, a receipt recorded twice, and a supplement that brought an apology's date
/// forward. Each answer is refused with the right status and appends nothing.
/// </summary>
public sealed class Regression_rules_broken_from_outside(LedgerApp app) : LedgerContext(app)
{
    private string OtherDesk => App.Token("rc-99", "reception", "NOPE");
    private string OtherUnitHead => App.Token("uh-99", "unit-head", "OTHERUNIT");

    [Fact]
    public async Task an_incomplete_dossier_gets_one_supplement_request_at_reception_then_a_refusal()
    {
        var id = await a_submitted_dossier(components: ["C01", "C02", "C03"]);
        var version = await Ok(id, "supplement-requests",
            new { version = 1, missing = new[] { "C04", "C05" }, reason = "Thiếu hồ sơ" }, Reception);
        version = await Ok(id, "supplements", new { version, components = new[] { "C05" } }, Reception);

        var (again, problem) = await Command(id, "supplement-requests",
            new { version, missing = new[] { "C04" }, reason = "Lần 2" }, Reception);
        var (receive, refusal) = await Command(id, "reception", new { version }, Reception);

        again.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-1-one-supplement-request");
        receive.ShouldBe(409);
        refusal.GetProperty("detail").GetString()!.ShouldContain("refuse");
        (await EventCount(id)).ShouldBe(version, "refused commands append nothing");
        await Ok(id, "reception", new { version, refuse = "Không bổ sung đủ C04" }, Reception);
    }

    [Fact]
    public async Task a_supplement_request_at_reception_names_components_of_the_procedure()
    {
        var id = await a_submitted_dossier(components: ["C01", "C02", "C03", "C04"]);

        var (status, _) = await Command(id, "supplement-requests",
            new { version = 1, missing = new[] { "C05", "C99" }, reason = "Thiếu" }, Reception);

        status.ShouldBe(400);
        (await EventCount(id)).ShouldBe(1);
    }

    [Fact]
    public async Task a_blank_refusal_is_a_bad_request_not_a_reception()
    {
        var id = await a_submitted_dossier();

        var (status, _) = await Command(id, "reception", new { version = 1, refuse = "   " }, Reception);

        status.ShouldBe(400);
        (await View(id)).GetProperty("status").GetString().ShouldBe("submitted");
        (await EventCount(id)).ShouldBe(1);
    }

    [Fact]
    public async Task only_the_agencys_desk_receives()
    {
        var id = await a_submitted_dossier();

        var (status, _) = await Command(id, "reception", new { version = 1 }, OtherDesk);

        status.ShouldBe(403);
        (await EventCount(id)).ShouldBe(1);
    }

    [Fact]
    public async Task another_units_handler_cannot_scan_a_dossier_it_does_not_hold()
    {
        var (id, version) = await a_received_dossier();

        var (status, _) = await Scan(id, version, "C01", OtherUnitHandler);

        status.ShouldBe(403);
        (await EventCount(id)).ShouldBe(version);
        (await Scan(id, version, "C01", Reception)).Status.ShouldBe(200, "the desk holding it scans");
    }

    [Fact]
    public async Task fees_are_recorded_by_the_holding_unit_and_each_receipt_once()
    {
        var (id, version) = await a_dossier_in_processing();
        var fee = new { version, amount = 100_000, receiptNumber = "BL-7" };

        (await Command(id, "fees", fee, OtherUnitHandler)).Status.ShouldBe(403);
        version = await Ok(id, "fees", fee, Handler);
        var (twice, problem) = await Command(id, "fees", fee with { version = version }, Handler);

        twice.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("fee-receipt-once");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_head_of_another_unit_cannot_approve_a_correction()
    {
        var (id, version) = await a_dossier_in_processing();
        version = await Ok(id, "fees", new { version, amount = 100_000, receiptNumber = "BL-8" }, Handler);
        await using var session = Store.QuerySession();
        var payment = (await session.Events.FetchStreamAsync(id))[^1].Sequence;

        var (status, _) = await Command(id, "corrections",
            new { version, corrects = payment, reason = "Nhầm số tiền" }, OtherUnitHead);

        status.ShouldBe(403);
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_mistyped_fee_once_corrected_is_recorded_again_under_its_receipt()
    {
        var (id, version) = await a_dossier_in_processing();
        version = await Ok(id, "fees", new { version, amount = 10_000, receiptNumber = "BL-9" }, Handler);
        await using var session = Store.QuerySession();
        var payment = (await session.Events.FetchStreamAsync(id))[^1].Sequence;
        version = await Ok(id, "corrections",
            new { version, corrects = payment, reason = "Nhầm số tiền" }, UnitHead);

        var (status, _) = await Command(id, "fees",
            new { version, amount = 100_000, receiptNumber = "BL-9" }, Handler);

        status.ShouldBe(200);
        (await View(id)).GetProperty("feePaidVnd").GetInt64().ShouldBe(100_000);
    }

    [Fact]
    public async Task an_online_dossier_answered_with_a_supplement_request_is_no_longer_held_to_its_8_hours()
    {
        At(Hanoi(2026, 3, 2, 9));
        var id = await a_submitted_dossier(Channel.Online, components: ["C01", "C02", "C03", "C04"]);
        At(Hanoi(2026, 3, 2, 10));
        var version = await Ok(id, "supplement-requests",
            new { version = 1, missing = new[] { "C05" }, reason = "Thiếu C05" }, Reception);
        At(Hanoi(2026, 3, 5, 9));
        version = await Ok(id, "supplements", new { version, components = new[] { "C05" } }, Reception);

        var worklist = await Host.Scenario(s =>
        {
            s.Get.Url("/api/worklist");
            s.WithBearerToken(Reception);
        });
        var desk = (await worklist.ReadAsJsonAsync<JsonElement>()).GetProperty("items");
        await Ok(id, "reception", new { version }, Reception);

        desk.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id)
            .GetProperty("timeliness").ValueKind.ShouldBe(JsonValueKind.Null, "rule 4 was answered in time");
        (await View(id)).GetProperty("receptionDeadlineMissed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task a_step_goes_to_the_unit_the_procedure_names_for_it()
    {
        var (id, version) = await a_received_dossier();

        var (status, problem) = await Command(id, "handovers", new { version, step = 1, unit = "CATBXHN" },
            Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-7-step-unit");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_supplement_after_an_apology_keeps_the_later_promised_date()
    {
        At(Hanoi(2026, 3, 2, 9));
        var (id, version) = await a_dossier_in_processing();
        var promised = Hanoi(2026, 3, 31, 17);
        At(Hanoi(2026, 3, 3, 9));
        version = await Ok(id, "delays", new { version, reason = "Chờ thẩm định", newAppointment = promised },
            Handler);
        version = await Ok(id, "supplement-requests",
            new { version, missing = new[] { "C03" }, reason = "Thiếu chữ ký" }, Handler);
        At(Hanoi(2026, 3, 4, 9));

        await Ok(id, "supplements", new { version, components = new[] { "C03" } }, Reception);

        (await View(id)).GetProperty("appointment").GetDateTimeOffset().ShouldBe(promised,
            "the restarted limit (13 March) is earlier than the date the applicant was promised");
    }
}
