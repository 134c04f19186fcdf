using Marten;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Integrations.Notifications;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Integrations;

/// <summary>Takes one dossier through the five moments the applicant is told about, through the API.</summary>
public static class NotificationLifecycle
{
    public const string TrackingNumber = "EB123456785VN";
    public const string DelayReason = "Chờ ý kiến cơ quan phối hợp";

    /// <summary>Friday 13 March 2026, 10:00 in Hanoi: later than the first appointment (11 March, 09:00).</summary>
    public static readonly DateTimeOffset NewAppointment = new(2026, 3, 13, 10, 0, 0, TimeSpan.FromHours(7));

    public static Procedure Procedure(IntegrationHost host) =>
        host.Host.Services.GetRequiredService<ProcedureCatalogue>().Find(LedgerContext.ProcedureCode)!;

    /// <summary>The required component the submission leaves out, so that reception asks for it.</summary>
    public static ProcedureComponent Missing(IntegrationHost host) =>
        Procedure(host).Components.Last(c => c.Required);

    /// <summary>
    /// Submitted without one component, which is asked for and supplied; received; delayed with an apology;
    /// approved; the result issued and sent by post: one notification for each of the five moments.
    /// </summary>
    public static async Task<(Guid Id, string Code)> a_dossier_taken_through_every_moment(IntegrationHost host,
        string email, string? language)
    {
        var procedure = Procedure(host);
        var missing = Missing(host).Id;
        var unit = procedure.Steps[0].Unit;
        var head = host.Token("uh-01", "unit-head", unit);
        var (status, receipt) = await host.Post("/api/dossiers", new
        {
            procedureCode = LedgerContext.ProcedureCode,
            channel = "Counter",
            applicant = new { kind = "Citizen", name = "Đặng Thị Thông Báo", email, language },
            components = procedure.Components.Where(c => c.Required && c.Id != missing).Select(c => c.Id).ToArray(),
        }, host.Reception);
        if (status != 201)
            throw new InvalidOperationException($"Submission answered {status}: {receipt}");
        var id = receipt.GetProperty("id").GetGuid();

        var request = new { version = 1, missing = new[] { missing }, reason = "Thiếu thành phần" };
        var version = await host.Ok(id, "supplement-requests", request, host.Reception);
        version = await host.Ok(id, "supplements", new { version, components = new[] { missing } }, host.Reception);
        version = await host.Ok(id, "reception", new { version }, host.Reception);
        version = await host.Ok(id, "handovers", new { version, step = 1, unit }, host.Reception);
        var apology = new { version, reason = DelayReason, newAppointment = NewAppointment };
        version = await host.Ok(id, "delays", apology, host.Token("hd-01", "handler", unit));
        var decision = new { version, outcome = "approved", reason = "Đủ điều kiện" };
        version = await host.Ok(id, "decision", decision, head);
        version = await host.Ok(id, "result", new { version, documentSha256 = new string('c', 64) }, head);
        var postal = new { version, method = "postal", trackingNumber = TrackingNumber, applicantNotified = true };
        await host.Ok(id, "return", postal, host.Reception);
        return (id, receipt.GetProperty("code").GetString()!);
    }

    /// <summary>What was recorded about the sends for the dossier.</summary>
    public static async Task<IReadOnlyList<NotificationRecord>> RecordsOf(IntegrationHost host, Guid id)
    {
        await using var session = host.Store.QuerySession();
        return await session.Query<NotificationRecord>().Where(r => r.DossierId == id).ToListAsync();
    }
}
