using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.IssuingResult;

/// <summary>Issue the result document, identified by its SHA-256.</summary>
public sealed record IssueResult(
    int Version,
    [property: Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "A SHA-256 is 64 hex digits.")]
    string DocumentSha256) : IVersioned;

public static class IssueResultEndpoint
{
    [WolverinePost("/api/dossiers/{id}/result")]
    [Authorize(Policy = Access.HandlingUnit)]
    public static Task<CommandAccepted> Post(
        Guid id,
        IssueResult? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(IssueResult command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Rules.UnitOfficers);
        dossier.RequireStatus("issued a result", DossierStatus.Processed);
        dossier.RequireHeldBy(context.Actor);
        // Electronic results are numbered <dossier code>-KQ<n> (facts.md).
        var number = $"{dossier.Code}-KQ{dossier.ResultsIssued + 1}";
        return [new ResultIssued(command.DocumentSha256.ToLowerInvariant(), number, context.Actor, context.Now)];
    }
}
