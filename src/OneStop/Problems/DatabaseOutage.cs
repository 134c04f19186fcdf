using System.Net.Sockets;
using Npgsql;

namespace OneStop.Problems;

/// <summary>
/// Whether a failure means the ledger database is out of reach (down, restarting, refusing connections, the
/// connection cut mid-command), which the client should retry later (503) rather than report as a bug (500).
/// Marten and Wolverine wrap Npgsql's exceptions, so the whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseOutage
{
    // Class 08 connection exceptions; 57P01-57P03 admin/crash shutdown and "cannot connect now" (starting up);
    // 53300 too many connections; 40001/40P01 serialization failure and deadlock, which a retry resolves.
    private static readonly string[] OutageStates = ["57P01", "57P02", "57P03", "53300", "40001", "40P01"];

    public static bool Explains(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || OutageStates.Contains(postgres.SqlState))
                        return true;
                    // A statement the server refused for its content is not an outage, whatever wraps it.
                    return false;
                case NpgsqlException or SocketException or TimeoutException or EndOfStreamException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Explains):
                    return true;
            }
        }

        return false;
    }
}
