using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.PayingFee;

/// <summary>Record a fee payment with its receipt number.</summary>
public sealed record PayFee(
    int Version,
    [property: Range(1, 1_000_000_000_000)] long Amount,
    [property: Required, MaxLength(60)] string ReceiptNumber) : IVersioned;

public static class PayFeeEndpoint
{
    [WolverinePost("/api/dossiers/{id}/fees")]
    [Authorize(Policy = Access.Processing)]
    public static Task<CommandAccepted> Post(
        Guid id,
        PayFee? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(PayFee command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Reception, Roles.Handler, Roles.UnitHead, Roles.Postal);
        dossier.RequireDeskOrHolder(context);
        Rules.Require(!dossier.Status.IsClosed(), Rules.Lifecycle, $"A {dossier.Status} dossier takes no fee.");
        var receipt = command.ReceiptNumber.Trim();
        var recorded = dossier.FeeReceipts.Values.Contains(receipt, StringComparer.OrdinalIgnoreCase);
        Rules.Require(!recorded, Rules.FeeReceiptOnce,
            $"Receipt {receipt} is already recorded on this dossier; a receipt pays once.");
        return [new FeePaid(command.Amount, receipt, context.Actor, context.Now)];
    }
}
