using OneStop.Dossiers;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Oversight;

/// <summary>
/// A month of work through the HTTP API: three weekly rounds of dossiers finished early, on time, late,
/// withdrawn, refused, supplemented twice, apologised, handed over late, online and by post, plus some
/// still in progress. The clock ends at <see cref="Now"/>, inside the month.
/// </summary>
public abstract class ScriptedHistory(LedgerApp app) : OversightContext(app)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 27, 10, 0, 0, TimeSpan.FromHours(7));

    protected async Task a_month_of_dossiers()
    {
        foreach (var monday in new[] { 2, 9, 16 })
        {
            var b = Hanoi(2026, 3, monday, 9);
            await finished_early_with_a_digitised_component_returned_online(b);
            await decided(b, appointment => appointment.AddMinutes(-1));
            await decided(b, appointment => appointment.AddMinutes(1));
            await withdrawn(b);
            await refused(b);
            await supplemented_twice(b);
            await apologised(b);
            await handed_over_late(b);
            await online_and_returned_at_the_counter(b);
            await by_post_with_a_supplement_before_reception(b);
        }
        await handed_over(Hanoi(2026, 3, 18, 11));
        await handed_over(Hanoi(2026, 3, 26, 9));
        At(Now);
    }

    private async Task<(Guid Id, int Version, DateTimeOffset Appointment)> handed_over(DateTimeOffset at,
        string officer = "hd-01")
    {
        At(at);
        var (id, version) = await a_received_dossier();
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer }, Reception);
        var appointment = (await View(id)).GetProperty("appointment").GetDateTimeOffset();
        return (id, version, appointment);
    }

    private async Task<int> Decide(Guid id, int version, DateTimeOffset at)
    {
        At(at);
        return await Ok(id, "decision", new { version, outcome = "approved", reason = "Complete" }, UnitHead);
    }

    private async Task finished_early_with_a_digitised_component_returned_online(DateTimeOffset b)
    {
        At(b);
        var id = await a_submitted_dossier();
        var version = await Digitise(id, 1, "C01", Reception);
        version = await Ok(id, "reception", new { version }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer = "hd-02" },
            Reception);
        version = await Decide(id, version, b.AddDays(1));
        version = await Ok(id, "result", new { version, documentSha256 = new string('b', 64) }, UnitHead);
        await Ok(id, "return", new { version, method = "online", applicantNotified = true }, Reception);
    }

    private async Task decided(DateTimeOffset b, Func<DateTimeOffset, DateTimeOffset> when)
    {
        var (id, version, appointment) = await handed_over(b);
        await Decide(id, version, when(appointment));
    }

    private async Task withdrawn(DateTimeOffset b)
    {
        var (id, version, _) = await handed_over(b);
        At(b.AddDays(2));
        await Ok(id, "withdrawal", new { version, reason = "Applicant moved abroad" }, Reception);
    }

    private async Task refused(DateTimeOffset b)
    {
        At(b);
        var id = await a_submitted_dossier();
        await Ok(id, "reception", new { version = 1, refuse = "Not within the ministry's remit" }, Reception);
    }

    private async Task supplemented_twice(DateTimeOffset b)
    {
        var (id, version, _) = await handed_over(b, "hd-03");
        foreach (var day in new[] { 1, 2 })
        {
            At(b.AddDays(day));
            version = await Ok(id, "supplement-requests",
                new { version, missing = new[] { "C02" }, reason = "Uncertified copy" }, Handler);
            At(b.AddDays(day).AddHours(1));
            version = await Ok(id, "supplements", new { version, components = new[] { "C02" } }, Reception);
        }
        await Decide(id, version, b.AddDays(11));
    }

    private async Task apologised(DateTimeOffset b)
    {
        var (id, version, appointment) = await handed_over(b, "hd-03");
        At(appointment.AddDays(-2));
        version = await Ok(id, "delays",
            new { version, reason = "Waiting for a site inspection", newAppointment = appointment.AddDays(5) },
            Handler);
        await Decide(id, version, appointment.AddDays(1));
    }

    private async Task handed_over_late(DateTimeOffset b)
    {
        At(b);
        var (id, version) = await a_received_dossier();
        At(b.AddDays(1));
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer = "hd-04" }, Reception);
    }

    private async Task online_and_returned_at_the_counter(DateTimeOffset b)
    {
        At(b);
        var id = (await Submit(Channel.Online)).GetProperty("id").GetGuid();
        At(b.AddHours(2));
        var version = await Ok(id, "reception", new { version = 1 }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        version = await Decide(id, version, b.AddDays(3));
        version = await Ok(id, "result", new { version, documentSha256 = new string('c', 64) }, UnitHead);
        await Ok(id, "return", new { version, method = "counter", applicantNotified = true }, Reception);
    }

    private async Task by_post_with_a_supplement_before_reception(DateTimeOffset b)
    {
        At(b);
        var id = (await Submit(Channel.Postal, components: AllRequiredComponents()[1..])).GetProperty("id").GetGuid();
        var version = await Ok(id, "supplement-requests",
            new { version = 1, missing = new[] { AllRequiredComponents()[0] }, reason = "Form missing" }, Reception);
        At(b.AddHours(3));
        version = await Ok(id, "supplements", new { version, components = new[] { AllRequiredComponents()[0] } },
            Reception);
        version = await Ok(id, "reception", new { version }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer = "hd-04" },
            Reception);
        await Decide(id, version, b.AddDays(4));
    }
}
