using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Integrations;

/// <summary>Drives one dossier from submission to its returned result through the API of an integration host.</summary>
public static class PortalLifecycle
{
    /// <summary>The national status codes the portal must see, in order, for this lifecycle.</summary>
    public static readonly int[] StatusCodes = [1, 2, 4, 9, 10];

    public static async Task<Guid> a_dossier_taken_to_its_result(IntegrationHost host)
    {
        var unit = host.Host.Services.GetRequiredService<ProcedureCatalogue>()
            .Find(LedgerContext.ProcedureCode)!.Steps[0].Unit;
        var head = host.Token("uh-01", "unit-head", unit);
        var (id, _) = await host.Submit();
        var version = await host.Ok(id, "reception", new { version = 1 }, host.Reception);
        version = await host.Ok(id, "handovers", new { version, step = 1, unit }, host.Reception);
        var decision = new { version, outcome = "approved", reason = "Đủ điều kiện" };
        version = await host.Ok(id, "decision", decision, head);
        version = await host.Ok(id, "result", new { version, documentSha256 = new string('b', 64) }, head);
        await host.Ok(id, "return", new { version, method = "counter", applicantNotified = true }, host.Reception);
        return id;
    }
}
