using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OneStop.Tests.Fixtures;

/// <summary>One log entry as written: the rendered message, its structured values and any exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string Values, string? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} [{Values}] {Exception}";
}

/// <summary>
/// Every log entry the service writes while a test runs, at every level, so tests can search them (for
/// personal data that must never be logged, or for the exception behind a 500). Bounded; cleared per test.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int Capacity = 200_000;
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > Capacity)
            entries.TryDequeue(out _);
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            logs.Add(new CapturedLog(category, logLevel, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
