using Microsoft.Extensions.Configuration;
using OneStop.Clustering;
using Shouldly;

namespace OneStop.Tests.Reliability;

/// <summary>
/// Regression: three Balanced nodes, each with a ledger key generated in its own data folder, signed
/// checkpoints the other nodes then reported as forged. A Balanced node now refuses to start without the keys
/// every node must share.
/// </summary>
public sealed class when_balanced_nodes_have_no_shared_keys
{
    [Fact]
    public void the_service_refuses_to_start_naming_the_missing_keys()
    {
        var configuration = Settings(("OneStop:Cluster:Mode", "Balanced"), ("OneStop:Jwt:SigningKey", "a2V5"));

        var refusal = Should.Throw<InvalidOperationException>(
            () => ClusterSettings.From(configuration).DemandSharedKeys(configuration));

        refusal.Message.ShouldContain("OneStop__Ledger__SigningKey");
        refusal.Message.ShouldContain("OneStop__Tracking__SecretKey");
        refusal.Message.ShouldNotContain("OneStop__Jwt__SigningKey");
    }

    [Fact]
    public void a_solo_node_may_generate_its_own()
    {
        var configuration = Settings(("OneStop:Cluster:Mode", "Solo"));

        Should.NotThrow(() => ClusterSettings.From(configuration).DemandSharedKeys(configuration));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
