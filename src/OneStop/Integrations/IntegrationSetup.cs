using JasperFx;
using Marten;
using OneStop.Dossiers;
using OneStop.Integrations.Alerts;
using OneStop.Integrations.Idempotency;
using OneStop.Integrations.Notifications;
using OneStop.Integrations.Portal;
using OneStop.Problems;
using Wolverine;
using Wolverine.ErrorHandling;

namespace OneStop.Integrations;

/// <summary>Portal sync, applicant notifications, deadline alerts and idempotency keys.</summary>
public static class IntegrationSetup
{
    public const string PortalQueue = "portal";
    public const string NotificationQueue = "notifications";
    public const string AlertQueue = "deadline-alerts";

    public static void AddIntegrations(this WebApplicationBuilder builder)
    {
        var settings = IntegrationSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddHttpContextAccessor();
        services.AddSingleton<ICommitHook, IdempotencyRecorder>();
        services.AddSingleton<ICommitHook, DossierReactions>();
        // Plain singletons over named clients: Wolverine builds its handlers without service location.
        services.AddHttpClient(PortalClient.Name, http => http.Timeout = settings.PortalTimeout);
        services.AddSingleton<PortalClient>();
        if (settings.Smtp is { } smtp)
            services.AddSingleton<INotificationChannel>(new EmailChannel(smtp));
        if (settings.SmsUrl is not null)
        {
            services.AddHttpClient(SmsChannel.ClientName);
            services.AddSingleton<INotificationChannel, SmsChannel>();
        }

        services.ConfigureMarten(options =>
        {
            options.Schema.For<PortalSync>();
            options.Schema.For<NotificationRecord>().Duplicate(x => x.DossierId);
            options.Schema.For<IdempotentAnswer>();
        });
        services.ConfigureWolverine(options =>
        {
            // Local queues backed by the durable inbox: a message committed with the events survives a crash
            // between the commit and the send, and is picked up again when the service restarts.
            options.PublishMessage<PortalStatusChanged>().ToLocalQueue(PortalQueue);
            options.LocalQueue(PortalQueue).Sequential().UseDurableInbox();
            options.PublishMessage<NotifyApplicant>().ToLocalQueue(NotificationQueue);
            options.LocalQueue(NotificationQueue).UseDurableInbox();
            options.PublishMessage<PlanDeadlineAlerts>().ToLocalQueue(AlertQueue);
            options.PublishMessage<DeadlineAlertDue>().ToLocalQueue(AlertQueue);
            options.LocalQueue(AlertQueue).UseDurableInbox();

            options.Policies.OnException<PartnerUnavailable>()
                .RetryWithCooldown([.. settings.RetryCooldowns])
                .Then.ScheduleRetry([.. settings.RetrySchedule])
                .Then.MoveToErrorQueue();
            // A database restart is no reason to give up on a message: it waits, like a partner's outage.
            options.Policies.OnException(DatabaseOutage.Explains)
                .RetryWithCooldown([.. settings.RetryCooldowns])
                .Then.ScheduleRetry([.. settings.RetrySchedule])
                .Then.MoveToErrorQueue();
            // An officer's command appended first; the alert reads the dossier again.
            options.Policies.OnException<ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250),
                    TimeSpan.FromSeconds(1));
        });
    }

    public static void UseIntegrations(this WebApplication app) => app.UseMiddleware<IdempotencyMiddleware>();
}
