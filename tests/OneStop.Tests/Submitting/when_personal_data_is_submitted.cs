using Marten;
using OneStop.Applicants;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Submitting;

/// <summary>Rule 11: personal data lives in the applicant record; events carry an id and a salted hash.</summary>
public sealed class when_personal_data_is_submitted(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task no_event_holds_the_name_or_identity_number()
    {
        var (id, _) = await a_received_dossier();

        await using var session = Store.QuerySession();
        var raw = await session.AdvancedSql.QueryAsync<string>(
            "select data::text from onestop.mt_events where stream_id = ?", CancellationToken.None, id);
        raw.Count.ShouldBe(2);
        string.Join("\n", raw).ShouldNotContain("001099012345");
        string.Join("\n", raw).ShouldNotContain("Nguyễn Văn Test");

        var applicant = (await session.Query<ApplicantRecord>().ToListAsync()).Single();
        applicant.IdentityNumber.ShouldBe("001099012345");
        raw[0].ShouldContain(applicant.DataHash());
        raw[0].ShouldContain(applicant.Id.ToString());
    }
}
