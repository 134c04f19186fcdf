using Microsoft.Extensions.Configuration;
using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

public sealed class when_the_data_directory_is_configured
{
    [Fact]
    public void the_service_cluster_lives_in_its_postgres_subfolder()
    {
        var configured = Path.Combine(Path.GetTempPath(), $"onestop-data-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OneStop:DataDirectory"] = configured })
            .Build();

        var options = EmbeddedPostgresOptions.ForService(configuration);

        EmbeddedPostgres.DefaultDataDirectory(configuration).ShouldBe(configured);
        Directory.Exists(configured).ShouldBeTrue("the data folder should be created on demand");
        options.DataDirectory.ShouldBe(Path.Combine(configured, "postgres"));
        options.Throwaway.ShouldBeFalse();
        options.Fsync.ShouldBeTrue();
        Directory.Delete(configured);
    }
}
