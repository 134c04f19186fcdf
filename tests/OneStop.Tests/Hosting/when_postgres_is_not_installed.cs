using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

public sealed class when_postgres_is_not_installed
{
    [Fact]
    public async Task starting_explains_how_to_install_it_or_use_another_server()
    {
        var empty = Directory.CreateTempSubdirectory("onestop-no-postgres-");
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(empty.FullName, "postgres"),
            SearchDirectories = [empty.FullName],
        };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options));

        error.Message.ShouldContain("apt-get install postgresql");
        error.Message.ShouldContain("ConnectionStrings__Marten");
        Directory.Exists(options.DataDirectory).ShouldBeFalse("nothing should be created without binaries");
        empty.Delete();
    }
}
