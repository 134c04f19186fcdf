using MailKit.Net.Smtp;
using Marten;
using OneStop.Applicants;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Projections.Dossiers;
using Wolverine;

namespace OneStop.Integrations.Notifications;

/// <summary>Tell the applicant what this version of the dossier means for them.</summary>
public sealed record NotifyApplicant(Guid DossierId, int Version, NotificationTemplate Template);

/// <summary>
/// One send on one channel: what was sent, when and how it ended. Never the address or the text, which
/// hold personal data; those stay in the applicant record and the dossier.
/// </summary>
public sealed class NotificationRecord
{
    public string Id { get; set; } = "";
    public Guid DossierId { get; set; }
    public string? DossierCode { get; set; }
    public int Version { get; set; }
    public NotificationTemplate Template { get; set; }
    public string Channel { get; set; } = "";
    public NotificationOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Error { get; set; }

    public bool Settled => Outcome is not NotificationOutcome.Failed;
}

/// <summary>How one send ended.</summary>
public enum NotificationOutcome
{
    Sent,
    NoAddress,
    ApplicantErased,
    Failed,
    GaveUp,
}

public sealed class NotificationUndelivered(string message) : PartnerUnavailable(message);

/// <summary>Sends on each configured channel the applicant has an address for; a sent one is not retried.</summary>
public static class NotifyApplicantHandler
{
    public static async Task Handle(
        NotifyApplicant message,
        IDocumentStore store,
        IEnumerable<INotificationChannel> channels,
        IntegrationSettings settings,
        WorkingCalendar calendar,
        ProcedureCatalogue catalogue,
        TimeProvider clock,
        Envelope envelope,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var view = await session.Events.AggregateStreamAsync<DossierView>(message.DossierId, message.Version,
            token: ct);
        if (view is null)
            return;
        var applicant = await session.LoadAsync<ApplicantRecord>(view.ApplicantId, ct);
        var procedure = catalogue.Find(view.ProcedureCode, view.ProcedureVersion);
        var text = NotificationTemplates.Render(message.Template, view, calendar, procedure, applicant?.Language);
        var final = envelope.Attempts >= settings.FinalAttempt;

        var failed = 0;
        foreach (var channel in channels)
        {
            var id = $"{message.DossierId:N}:{message.Version}:{message.Template}:{channel.Name}";
            var record = await session.LoadAsync<NotificationRecord>(id, ct) ?? new NotificationRecord
            {
                Id = id,
                DossierId = message.DossierId,
                DossierCode = view.Code,
                Version = message.Version,
                Template = message.Template,
                Channel = channel.Name,
            };
            if (record.Attempts > 0 && record.Settled)
                continue;

            record.Attempts++;
            record.At = clock.GetUtcNow();
            var address = applicant is null || applicant.ErasedAt is not null ? null : channel.AddressOf(applicant);
            if (applicant?.ErasedAt is not null || applicant is null)
                record.Outcome = NotificationOutcome.ApplicantErased;
            else if (string.IsNullOrWhiteSpace(address))
                record.Outcome = NotificationOutcome.NoAddress;
            else
                await TrySendAsync(channel, address, text, record, final, ct);
            if (record.Outcome is NotificationOutcome.Failed)
                failed++;
            session.Store(record);
        }

        await session.SaveChangesAsync(ct);
        if (failed > 0)
            throw new NotificationUndelivered($"{failed} channel(s) failed for {view.Code}; retrying later.");
    }

    private static async Task TrySendAsync(INotificationChannel channel, string address, NotificationText text,
        NotificationRecord record, bool final, CancellationToken ct)
    {
        try
        {
            await channel.SendAsync(address, text, ct);
            record.Outcome = NotificationOutcome.Sent;
            record.Error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            record.Outcome = final ? NotificationOutcome.GaveUp : NotificationOutcome.Failed;
            // The kind of failure only: partner messages may quote the address.
            record.Error = e switch
            {
                SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode}",
                HttpRequestException http => $"HTTP {(int?)http.StatusCode}",
                _ => e.GetType().Name,
            };
        }
    }
}
