using Npgsql;
using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

/// <summary>
/// Marten repeats a few statements endlessly: the ledger's connections prepare them once they recur, unless the
/// operator's connection string already chose how many to keep.
/// </summary>
public sealed class when_the_ledger_connects
{
    [Fact]
    public void recurring_statements_are_prepared()
    {
        var built = new NpgsqlConnectionStringBuilder(
            LedgerSetup.WithPreparedStatements("Host=db;Database=ledger;Username=onestop;Password=secret"));

        built.MaxAutoPrepare.ShouldBe(100);
        built.AutoPrepareMinUsages.ShouldBe(2);
        (built.Host, built.Database, built.Password).ShouldBe(("db", "ledger", "secret"));
    }

    [Fact]
    public void an_operators_own_choice_is_kept()
    {
        var built = new NpgsqlConnectionStringBuilder(
            LedgerSetup.WithPreparedStatements("Host=db;Database=ledger;Max Auto Prepare=5;Auto Prepare Min Usages=7"));

        (built.MaxAutoPrepare, built.AutoPrepareMinUsages).ShouldBe((5, 7));
    }
}
