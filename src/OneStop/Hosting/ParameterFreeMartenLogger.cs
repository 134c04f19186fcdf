using Marten;
using Marten.Services;
using Npgsql;

namespace OneStop.Hosting;

/// <summary>
/// Marten's command log without parameter values. Marten's own logger writes every parameter at Debug, and
/// parameters carry personal data (applicant records, whatever a citizen types into tracking): the leak scan
/// found an identity number that way. Command text and failures are still logged.
/// </summary>
public sealed partial class ParameterFreeMartenLogger(ILogger<IDocumentStore> logger)
    : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => LogSchemaChange(logger, sql);

    public void LogSuccess(NpgsqlCommand command) => LogCommand(logger, command.CommandText);

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            LogCommand(logger, TextOf(batch));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => LogCommandFailure(logger, ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        LogCommandFailure(logger, ex, TextOf(batch));

    public void LogFailure(Exception ex, string message) => LogOtherFailure(logger, ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private static string TextOf(NpgsqlBatch batch) =>
        string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText));

    [LoggerMessage(Level = LogLevel.Information, Message = "Marten applied a schema change: {Sql}")]
    private static partial void LogSchemaChange(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed {Sql}")]
    private static partial void LogCommand(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten command failed: {Sql}")]
    private static partial void LogCommandFailure(ILogger logger, Exception exception, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failed: {Reason}")]
    private static partial void LogOtherFailure(ILogger logger, Exception exception, string reason);
}
