using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 8: only an issued, paid-for result goes back; early means telling the applicant first.</summary>
public sealed class when_a_result_is_returned(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_result_not_yet_issued_cannot_be_returned()
    {
        var (id, version) = await a_decided_dossier();

        var (status, problem) = await Command(id, "return",
            new { version, method = "counter", applicantNotified = true }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-8-result-issued-and-fee-paid");
    }

    [Fact]
    public async Task a_postal_return_needs_a_tracking_number()
    {
        var (id, version) = await a_dossier_with_its_result_issued();

        var (status, problem) = await Command(id, "return",
            new { version, method = "postal", applicantNotified = true }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-8-postal-return-needs-tracking-number");
    }

    [Fact]
    public async Task returning_before_the_appointment_needs_the_applicant_told_first()
    {
        var (id, version) = await a_dossier_with_its_result_issued();

        var (status, problem) = await Command(id, "return", new { version, method = "counter" }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-8-early-return-needs-notice");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task after_the_appointment_the_result_goes_back_without_notice()
    {
        var (id, version) = await a_dossier_with_its_result_issued();
        At(Hanoi(2026, 3, 12, 9));

        await Ok(id, "return", new { version, method = "online" }, Reception);

        var view = await View(id);
        view.GetProperty("status").GetString().ShouldBe("resultReturned");
        view.GetProperty("finishedTimeliness").GetString()
            .ShouldBe("early", "the decision, not the return, finished it");
    }
}
