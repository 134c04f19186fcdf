using Marten.Exceptions;
using Npgsql;
using OneStop.Problems;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>
/// Sequence numbers are handed out before the inserting transaction commits, so a checkpoint signed during a
/// burst of appends could log sequence 11 while 10 is still in flight. The log lock makes the log wait for
/// every transaction that inserted an event, and the trigger refuses (retryably) one that would land below
/// the logged horizon; either way no event may end up under the log unlogged.
/// </summary>
public sealed class when_checkpoints_are_signed_while_dossiers_arrive(LedgerApp app) : IntegrityContext(app)
{
    [Fact]
    public async Task every_committed_event_is_logged_in_sequence_order_and_the_ledger_verifies()
    {
        using var stop = new CancellationTokenSource();
        var signing = Task.Run(async () =>
        {
            var checkpoints = 0;
            while (!stop.IsCancellationRequested)
            {
                await a_checkpoint();
                checkpoints++;
            }

            return checkpoints;
        });

        var statuses = await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => SubmitAtKiosk()));
        await stop.CancelAsync();
        var signed = await signing;
        await a_checkpoint();

        statuses.ShouldAllBe(s => s == 201 || s == 503, "a refused append is a retryable 503, nothing else");
        statuses.Count(s => s == 201).ShouldBeGreaterThan(0);
        signed.ShouldBeGreaterThan(1, "checkpoints must have been signed during the burst");
        var report = await Verification();
        report.GetProperty("intact").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("loggedEvents").GetInt64().ShouldBe(statuses.Count(s => s == 201));
        var order = await Query<long>("select seq_id from onestop.onestop_ledger_leaves order by leaf_index");
        order.ShouldBe(order.Order().ToList(), "leaves follow sequence order");
    }

    [Fact]
    public void an_append_refused_below_the_log_is_a_retryable_503()
    {
        var refusal = new PostgresException("below the Merkle log horizon", "ERROR", "ERROR",
            PostgresErrorCodes.SerializationFailure);

        var problem = ProblemMapping.Describe(new ConcurrentUpdateException(refusal));

        problem.Status.ShouldBe(503);
    }

    private async Task<int> SubmitAtKiosk()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                procedureCode = ProcedureCode,
                channel = "Kiosk",
                applicant = new { kind = "Citizen", name = "Trần Thị Test" },
            }).ToUrl("/api/dossiers");
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
