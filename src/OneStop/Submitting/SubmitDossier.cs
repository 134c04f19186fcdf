using System.ComponentModel.DataAnnotations;
using Marten;
using OneStop.Applicants;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Submitting;

/// <summary>Hand in a dossier: which procedure, through which channel, by whom, with which components.</summary>
public sealed record SubmitDossier(
    [property: Required, MaxLength(40)] string ProcedureCode,
    Channel Channel,
    [property: Required] ApplicantDetails Applicant,
    [property: MaxLength(100)] IReadOnlyList<string>? Components = null);

/// <summary>The receipt: the lookup secret is shown here once and never again.</summary>
public sealed record DossierReceipt(Guid Id, string Code, string LookupSecret, int Version);

public static class SubmitDossierEndpoint
{
    [WolverinePost("/api/dossiers")]
    public static async Task<IResult> Post(
        SubmitDossier? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner)
    {
        var valid = InputRules.Check(command);
        InputRules.Check(valid.Applicant);
        var origin = runner.OriginOf(http, SubmitterOf(http, valid.Channel), valid.Channel.ToString());

        var receipt = await SubmitAsync(session, runner, origin, valid, http.RequestAborted);

        return Results.Created($"/api/dossiers/{receipt.Id}", receipt);
    }

    /// <summary>Starts the dossier stream, its code, applicant record and receipt secret in one transaction.</summary>
    public static async Task<DossierReceipt> SubmitAsync(
        IDocumentSession session,
        DossierCommandRunner runner,
        CommandOrigin origin,
        SubmitDossier command,
        CancellationToken ct)
    {
        var context = runner.ContextFor(origin);
        var procedure = context.Catalogue.Find(command.ProcedureCode)
            ?? throw new NotFound($"No procedure has the code '{command.ProcedureCode}'.");

        var id = Guid.CreateVersion7();
        var applicant = ApplicantRecord.From(command.Applicant);
        var (secret, lookupSecret) = runner.ReceiptSecrets.NewFor(id);
        var localDay = context.Calendar.LocalDate(context.Now);
        var code = await DossierCodes.NextAsync(session, runner.Agency.Code, localDay, ct);
        secret.Id = code;
        var submitted = Decide(command, procedure, id, code, applicant, context);

        session.Store(applicant);
        session.Store(secret);
        AuditMetadata.Stamp(session, origin);
        session.Events.StartStream<Dossier>(id, submitted);
        var receipt = new DossierReceipt(id, code, lookupSecret, 1);
        await runner.BeforeCommitAsync(session, new PendingCommit(id, null, [submitted], 1, origin,
            StatusCodes.Status201Created, receipt, $"/api/dossiers/{id}"), ct);
        await session.SaveChangesAsync(ct);
        return receipt;
    }

    public static DossierSubmitted Decide(
        SubmitDossier command,
        Procedure procedure,
        Guid id,
        string code,
        ApplicantRecord applicant,
        CommandContext context)
    {
        var checklist = context.Catalogue.Check(procedure, command.Components ?? []);
        if (checklist.Unknown.Count > 0)
            throw InvalidInput.Field("components",
                $"Not components of {procedure.Id}: {string.Join(", ", checklist.Unknown)}.");
        var provided = checklist.Provided.Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Rule 4: online dossiers must be answered within 8 working hours of submission.
        DateTimeOffset? receptionDeadline = command.Channel == Channel.Online
            ? context.Calendar.OnlineReceptionDeadline(context.Now)
            : null;

        return new DossierSubmitted(
            id,
            code,
            procedure.Id,
            procedure.Version,
            procedure.NameVi,
            procedure.Unit,
            procedure.TimeLimit,
            procedure.FeeVnd,
            [.. procedure.Steps.Select(s => new PlannedStep(s.Name, s.Unit, s.Limit))],
            command.Channel,
            applicant.Id,
            applicant.Kind,
            applicant.DataHash(),
            [
                .. procedure.Components.Select(c =>
                    new ComponentEntry(c.Id, c.NameVi, c.Required, provided.Contains(c.Id))),
            ],
            receptionDeadline,
            context.Actor,
            context.Now);
    }

    /// <summary>
    /// Counter and postal dossiers are entered by an officer; kiosk and online dossiers by the applicant,
    /// who has no token.
    /// </summary>
    public static Actor SubmitterOf(HttpContext http, Channel channel)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var officer = http.User.ToActor();
            // With a token, only the desk or the post office submits, whatever the channel.
            officer.RequireRole(Access.Submitters);
            if (channel is Channel.Counter)
                officer.RequireRole(Roles.Reception);
            return officer;
        }

        if (channel is Channel.Counter or Channel.Postal)
            throw new Unauthenticated("Counter and postal submissions are entered by an officer with a token.");
        return Actor.Applicant with { Unit = channel == Channel.Kiosk ? "kiosk" : "portal" };
    }
}
