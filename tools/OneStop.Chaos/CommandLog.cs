using System.Collections.Concurrent;
using System.Text.Json;

namespace OneStop.Chaos;

/// <summary>What the driver knows about one command it sent.</summary>
public enum Outcome
{
    /// <summary>2xx: the service said the event is in the ledger.</summary>
    Acknowledged,

    /// <summary>4xx: the service said nothing was appended (409 version conflict, rule violation).</summary>
    Refused,

    /// <summary>
    /// No answer, or a 5xx: the process died or the database went away while the command ran. It may or may
    /// not have committed; the audit accepts either, but never twice.
    /// </summary>
    InFlight,
}

/// <summary>One command: its own correlation id (sent as X-Correlation-ID, stored on every event it appends).</summary>
public sealed record LoggedCommand(
    Guid Correlation,
    string EventType,
    Guid? Dossier,
    int SentVersion,
    Outcome Outcome,
    int Status,
    int? Version,
    DateTimeOffset At);

/// <summary>The driver's own ledger of every command it sent, in memory and as JSON lines in the run folder.</summary>
public sealed class CommandLog : IDisposable
{
    private readonly ConcurrentQueue<LoggedCommand> entries = new();
    private readonly StreamWriter file;

    public CommandLog(string path) => file = new StreamWriter(path) { AutoFlush = true };

    public IReadOnlyCollection<LoggedCommand> Entries => entries;

    public int Count(Outcome outcome) => entries.Count(e => e.Outcome == outcome);

    public void Add(LoggedCommand entry)
    {
        entries.Enqueue(entry);
        var line = JsonSerializer.Serialize(entry);
        lock (file)
            file.WriteLine(line);
    }

    public void Dispose() => file.Dispose();
}
