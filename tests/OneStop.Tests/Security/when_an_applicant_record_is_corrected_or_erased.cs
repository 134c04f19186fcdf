using System.Text.Json;
using Marten;
using OneStop.Applicants;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Security;

/// <summary>
/// Rule 11: correcting or erasing personal data changes the applicant record only. The events keep the
/// hash the dossier relied on, the proofs stay valid, and the access log says who changed what and why.
/// </summary>
public sealed class when_an_applicant_record_is_corrected_or_erased(LedgerApp app) : SecurityContext(app)
{
    private static object Corrected(string name) => new
    {
        reason = "Sai chính tả họ tên theo CCCD",
        applicant = new { kind = "Citizen", name, identityNumber = "001099012345", phone = "0912 345 678" },
    };

    [Fact]
    public async Task a_correction_changes_the_record_and_logs_the_field_names_without_their_values()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        var before = await RawEvents(id);

        var answer = await Post($"/api/dossiers/{id}/applicant/corrections", Corrected("Nguyễn Văn Tết"),
            Reception);

        answer.Status.ShouldBe(200, answer.Body);
        (await Get($"/api/dossiers/{id}/applicant", Reception)).GetProperty("name").GetString()
            .ShouldBe("Nguyễn Văn Tết");
        (await RawEvents(id)).ShouldBe(before);
        var entry = (await AccessLogOf(receipt))[0];
        entry.GetProperty("what").GetString().ShouldBe("corrected");
        entry.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["name", "phone"]);
        var log = string.Join("\n", await AccessLogBodies(id));
        log.ShouldNotContain("Tết");
        log.ShouldNotContain("0912");
        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task an_unchanged_correction_is_refused_and_logs_nothing()
    {
        var id = await a_submitted_dossier();

        var answer = await Post($"/api/dossiers/{id}/applicant/corrections", new
        {
            reason = "x",
            applicant = new { kind = "Citizen", name = "Nguyễn Văn Test", identityNumber = "001099012345" },
        }, Reception);

        answer.Status.ShouldBe(400);
        (await AccessLogBodies(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task erasure_forgets_the_data_and_the_salt_but_keeps_every_event_and_proof()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        var before = await RawEvents(id);

        var answer = await Post($"/api/dossiers/{id}/applicant/erasure",
            new { reason = "Hết thời hạn lưu trữ" }, Admin);

        answer.Status.ShouldBe(200, answer.Body);
        var data = await Get($"/api/dossiers/{id}/applicant", Reception);
        data.GetProperty("name").GetString().ShouldBe("");
        data.GetProperty("identityNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        data.GetProperty("erasedAt").GetDateTimeOffset().ShouldBe(LedgerApp.Start);
        await using (var session = Store.QuerySession())
        {
            var record = (await session.Query<ApplicantRecord>().ToListAsync()).Single();
            record.Salt.ShouldBe("");
            record.Kind.ShouldBe("Citizen");
        }
        (await RawEvents(id)).ShouldBe(before);
        (await AccessLogOf(receipt)).EnumerateArray().Select(e => e.GetProperty("what").GetString())
            .ShouldBe(["erased", "read"]);
        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task an_erased_record_cannot_be_erased_again_or_corrected()
    {
        var id = await a_submitted_dossier();
        var request = new { reason = "Yêu cầu của chủ thể dữ liệu" };
        (await Post($"/api/dossiers/{id}/applicant/erasure", request, Reception)).Status.ShouldBe(200);

        var again = await Post($"/api/dossiers/{id}/applicant/erasure", new { reason = "again" }, Admin);
        var correction = await Post($"/api/dossiers/{id}/applicant/corrections", Corrected("Ai đó"), Admin);

        again.Status.ShouldBe(409);
        correction.Status.ShouldBe(409);
        JsonDocument.Parse(correction.Body).RootElement.GetProperty("rule").GetString()
            .ShouldBe("applicant-record-erased");
    }

    [Fact]
    public async Task a_handler_may_not_correct_or_erase()
    {
        var (id, _) = await a_dossier_in_processing();

        var erasure = await Post($"/api/dossiers/{id}/applicant/erasure", new { reason = "x" }, Handler);
        var correction = await Post($"/api/dossiers/{id}/applicant/corrections", Corrected("X"), UnitHead);

        erasure.Status.ShouldBe(403);
        correction.Status.ShouldBe(403);
    }

    private async Task<IReadOnlyList<string>> RawEvents(Guid id)
    {
        await using var session = Store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>(
            "select data::text from onestop.mt_events where stream_id = ? order by version", CancellationToken.None,
            id);
    }

    private Task<IReadOnlyList<string>> AccessLogBodies(Guid id) => RawEvents(AccessLog.StreamOf(id));
}
