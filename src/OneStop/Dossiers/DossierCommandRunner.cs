using Marten;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Problems;

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
    AgencySettings agency)
{
    public CommandContext ContextFor(HttpContext http, Actor? actor = null)
    {
        if (actor is null && http.User.Identity?.IsAuthenticated != true)
            throw new Unauthenticated("This command needs an officer's bearer token.");
        return new CommandContext(actor ?? http.User.ToActor(), clock.GetUtcNow(), calendar, catalogue, agency);
    }

    public async Task<CommandAccepted> Run<TCommand>(
        IDocumentSession session,
        HttpContext http,
        Guid id,
        TCommand? command,
        Func<TCommand, Dossier, CommandContext, IEnumerable<object>> decide)
        where TCommand : class, IVersioned
    {
        var valid = InputRules.Check(command);
        var context = ContextFor(http);

        var stream = await session.Events.FetchForWriting<Dossier>(id, http.RequestAborted);
        if (stream.Aggregate is null)
            throw new NotFound($"No dossier has the id {id}.");
        if (stream.CurrentVersion != valid.Version)
            throw new VersionConflict();

        var events = decide(valid, stream.Aggregate, context).ToList();
        AuditMetadata.Stamp(session, http, context.Actor);
        stream.AppendMany(events);
        await session.SaveChangesAsync(http.RequestAborted);

        return new CommandAccepted(id, valid.Version + events.Count);
    }
}

/// <summary>A command that changes a dossier carries the version its caller last saw.</summary>
public interface IVersioned
{
    int Version { get; }
}
