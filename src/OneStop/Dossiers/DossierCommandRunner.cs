using Marten;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Problems;
using OneStop.Tracking;

namespace OneStop.Dossiers;

/// <summary>The answer to a command that changed a dossier.</summary>
public sealed record CommandAccepted(Guid Id, int Version);

/// <summary>
/// Load, decide, append for every command on an existing dossier: the one place that turns an
/// unknown stream into 404 and a stale or racing version into 409, and stamps audit metadata.
/// </summary>
public sealed class DossierCommandRunner(
    TimeProvider clock,
    WorkingCalendar calendar,
    ProcedureCatalogue catalogue,
    AgencySettings agency,
    ReceiptSecretKey receiptSecrets,
    IEnumerable<ICommitHook> hooks)
{
    private readonly ICommitHook[] hooks = [.. hooks];

    public AgencySettings Agency => agency;

    public ReceiptSecretKey ReceiptSecrets => receiptSecrets;

    /// <summary>The origin of an HTTP command: the token's officer unless another actor is given.</summary>
    public CommandOrigin OriginOf(HttpContext http, Actor? actor = null, string channel = "officer-desk")
    {
        if (actor is null && http.User.Identity?.IsAuthenticated != true)
            throw new Unauthenticated("This command needs an officer's bearer token.");
        return new CommandOrigin(actor ?? http.User.ToActor(), clock.GetUtcNow(), AuditMetadata.CorrelationId(http),
            http.TraceIdentifier, channel, AuditMetadata.Device(http));
    }

    public CommandContext ContextFor(CommandOrigin origin) =>
        new(origin.Actor, origin.Now, calendar, catalogue, agency);

    public Task<CommandAccepted> Run<TCommand>(
        IDocumentSession session,
        HttpContext http,
        Guid id,
        TCommand? command,
        Func<TCommand, Dossier, CommandContext, IEnumerable<object>> decide)
        where TCommand : class, IVersioned
    {
        var valid = InputRules.Check(command);
        return Run(session, OriginOf(http), id, valid, decide, http.RequestAborted);
    }

    public async Task<CommandAccepted> Run<TCommand>(
        IDocumentSession session,
        CommandOrigin origin,
        Guid id,
        TCommand command,
        Func<TCommand, Dossier, CommandContext, IEnumerable<object>> decide,
        CancellationToken ct)
        where TCommand : class, IVersioned
    {
        // Marten refuses the empty id outright; to a caller it is just a dossier that does not exist.
        if (id == Guid.Empty)
            throw new NotFound($"No dossier has the id {id}.");
        var stream = await session.Events.FetchForWriting<Dossier>(id, ct);
        if (stream.Aggregate is null)
            throw new NotFound($"No dossier has the id {id}.");
        if (stream.CurrentVersion != command.Version)
            throw new VersionConflict();

        var events = decide(command, stream.Aggregate, ContextFor(origin)).ToList();
        AuditMetadata.Stamp(session, origin);
        stream.AppendMany(events);
        var accepted = new CommandAccepted(id, command.Version + events.Count);
        await BeforeCommitAsync(session, new PendingCommit(id, stream.Aggregate, events, accepted.Version, origin,
            StatusCodes.Status200OK, accepted), ct);
        await session.SaveChangesAsync(ct);

        return accepted;
    }

    /// <summary>Lets every hook add its work to the command's transaction.</summary>
    public async Task BeforeCommitAsync(IDocumentSession session, PendingCommit commit, CancellationToken ct)
    {
        foreach (var hook in hooks)
            await hook.BeforeCommitAsync(session, commit, ct);
    }
}

/// <summary>A command that changes a dossier carries the version its caller last saw.</summary>
public interface IVersioned
{
    int Version { get; }
}
