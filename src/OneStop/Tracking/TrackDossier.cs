using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Exceptions;
using Npgsql;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using OneStop.Reading;
using Wolverine.Http;

namespace OneStop.Tracking;

/// <summary>The dossier code and the secret printed on the receipt.</summary>
public sealed record TrackDossier(
    [property: Required, MaxLength(60)] string Code,
    [property: Required, MaxLength(60)] string Secret);

/// <summary>What the applicant sees: no internal notes, no officers' or other people's personal data.</summary>
public sealed record CitizenView(
    string Code,
    DossierStatus Status,
    int NationalStatusCode,
    string ProcedureCode,
    string ProcedureName,
    Channel Channel,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? Appointment,
    bool AppointmentProvisional,
    Timeliness? Timeliness,
    double? RemainingWorkingDays,
    string HoldingUnit,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<SupplementView> Supplements,
    DelayView? Delay,
    Outcome? Outcome,
    string? ResultNumber,
    DateTimeOffset? ReturnedAt,
    string? TrackingNumber,
    IReadOnlyList<CitizenTimelineEntry> Timeline);

/// <summary>One step of the history as the applicant sees it: the unit and role, never officers' names.</summary>
public sealed record CitizenTimelineEntry(DateTimeOffset At, string Text, string TextVi, string Role, string Unit);

public static class TrackDossierEndpoint
{
    public const string Mismatch = "No dossier matches this code and secret.";

    [WolverinePost("/api/track")]
    public static async Task<CitizenView> Post(
        TrackDossier? command,
        IQuerySession session,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar)
    {
        var stored = await OpenAsync(command, session, http);

        var view = await session.LoadAsync<DossierView>(stored.DossierId, http.RequestAborted);
        var timeline = await session.LoadAsync<DossierTimeline>(stored.DossierId, http.RequestAborted);
        if (view is null || timeline is null)
            throw new NotFound(Mismatch);
        return ToCitizen(GetDossierEndpoint.Answer(view, clock.GetUtcNow(), calendar), timeline);
    }

    /// <summary>
    /// The receipt a code and secret open, for every citizen endpoint and page: throttled per client and per
    /// code first, then one keyed hash whether the code exists or not, so an unknown code and a wrong secret get
    /// the same answer in the same time.
    /// </summary>
    public static async Task<ReceiptSecret> OpenAsync(TrackDossier? command, IQuerySession session, HttpContext http)
    {
        var valid = InputRules.Check(command);
        // Resolved here rather than injected so the web pages, which call Post directly, are throttled too.
        http.RequestServices.GetRequiredService<TrackingThrottle>().Admit(http, valid.Code);
        var stored = await session.LoadAsync<ReceiptSecret>(valid.Code.Trim(), http.RequestAborted);
        var secrets = http.RequestServices.GetRequiredService<ReceiptSecretKey>();
        if (!secrets.Verify(stored?.Hash, valid.Secret) || stored is null)
            throw new NotFound(Mismatch);
        if (ReceiptSecretKey.IsLegacy(stored.Hash))
            await UpgradeAsync(stored, secrets.HashOf(valid.Secret), http);
        return stored;
    }

    /// <summary>
    /// A hash from before the keyed HMAC costs 100,000 PBKDF2 rounds per lookup, which also tells a known old code
    /// from an unknown one by time: once its secret has opened it, it is stored as an HMAC like every new one.
    /// </summary>
    /// <remarks>Best effort: the citizen's lookup has succeeded whether or not the rewrite does; it is tried
    /// again at the next lookup.</remarks>
    private static async Task UpgradeAsync(ReceiptSecret stored, string hash, HttpContext http)
    {
        try
        {
            var store = http.RequestServices.GetRequiredService<IDocumentStore>();
            await using var session = store.LightweightSession();
            session.Store(new ReceiptSecret { Id = stored.Id, DossierId = stored.DossierId, Hash = hash });
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or MartenException or TimeoutException)
        {
            http.RequestServices.GetRequiredService<ILogger<TrackDossier>>()
                .LogWarning(e, "The receipt hash of {Code} stays in the old form until its next lookup", stored.Id);
        }
    }

    public static CitizenView ToCitizen(DossierAnswer answer, DossierTimeline timeline)
    {
        var v = answer.Dossier;
        return new CitizenView(v.Code, v.Status, v.NationalStatusCode, v.ProcedureCode, v.ProcedureName, v.Channel,
            v.SubmittedAt, v.ReceivedAt, v.Appointment, v.AppointmentProvisional, answer.Timeliness,
            answer.RemainingWorkingDays, v.HoldingUnit, v.Components, v.Supplements, v.Delay, v.Outcome,
            v.ResultNumber, v.ReturnedAt, v.TrackingNumber,
            [.. timeline.Entries.Where(e => !e.Internal)
                .Select(e => new CitizenTimelineEntry(e.At, e.Text, e.TextVi, e.Role, e.Unit))]);
    }
}
