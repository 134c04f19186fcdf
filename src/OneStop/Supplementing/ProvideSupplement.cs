using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Supplementing;

/// <summary>The applicant brings the requested components.</summary>
public sealed record ProvideSupplement(
    int Version,
    [property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<string> Components) : IVersioned;

public static class ProvideSupplementEndpoint
{
    [WolverinePost("/api/dossiers/{id}/supplements")]
    [Authorize(Policy = Access.Desk)]
    public static Task<CommandAccepted> Post(
        Guid id,
        ProvideSupplement? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(ProvideSupplement command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Reception, Roles.Postal);
        context.RequireDeskOfficer();
        dossier.RequireStatus("supplemented", DossierStatus.AwaitingSupplement);
        var known = dossier.Components.Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = command.Components.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw InvalidInput.Field("components", $"Not components of this dossier: {string.Join(", ", unknown)}.");

        // The legal rule restarts the whole time limit once the complete dossier is back; the paused-clock
        // view of the national scoring is derived from the request and this event's instants.
        var restart = dossier.ReceivedAt is not null && dossier.TimeLimit is { } limit
            ? context.Calendar.Schedule(context.Now, limit)
            : null;
        // The restart never brings the promise forward: an apology's later date still stands.
        if (restart is not null && dossier.Appointment is { } promised && promised > restart.Appointment)
            restart = restart with { Appointment = promised };
        return
        [
            new SupplementProvided(dossier.SupplementRequests, [.. command.Components], restart?.Appointment,
                restart?.Provisional ?? false, context.Actor, context.Now),
        ];
    }
}
