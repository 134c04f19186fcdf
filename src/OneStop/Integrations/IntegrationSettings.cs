using System.Globalization;

namespace OneStop.Integrations;

/// <summary>Where the partners are and how hard to retry them (configuration section <c>OneStop</c>).</summary>
public sealed record IntegrationSettings(
    Uri? PortalUrl,
    TimeSpan PortalTimeout,
    IReadOnlyList<TimeSpan> RetryCooldowns,
    IReadOnlyList<TimeSpan> RetrySchedule,
    bool AlertsEnabled,
    SmtpSettings? Smtp,
    Uri? SmsUrl,
    string? SmsApiKey)
{
    /// <summary>Short pauses while the sender holds the message, then hours of scheduled retries.</summary>
    public static readonly TimeSpan[] DefaultCooldowns = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(15)];

    public static readonly TimeSpan[] DefaultSchedule = [.. new[] { 1, 5, 15, 30, 60, 120, 240, 240, 240 }
        .Select(m => TimeSpan.FromMinutes(m))];

    public bool PortalEnabled => PortalUrl is not null;
    public bool NotificationsEnabled => Smtp is not null || SmsUrl is not null;

    /// <summary>The attempt after which the retry policy gives up and dead-letters the message.</summary>
    public int FinalAttempt => 1 + RetryCooldowns.Count + RetrySchedule.Count;

    public static IntegrationSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("OneStop");
        var smtpHost = section["Notifications:Smtp:Host"];
        return new IntegrationSettings(
            UriOrNull(section["Portal:Url"]),
            TimeSpan.FromSeconds(double.Parse(section["Portal:TimeoutSeconds"] ?? "30", CultureInfo.InvariantCulture)),
            Seconds(section, "Integrations:RetryCooldownSeconds") ?? DefaultCooldowns,
            Seconds(section, "Integrations:RetryScheduleSeconds") ?? DefaultSchedule,
            !string.Equals(section["Alerts:Enabled"], "false", StringComparison.OrdinalIgnoreCase),
            string.IsNullOrWhiteSpace(smtpHost)
                ? null
                : new SmtpSettings(smtpHost,
                    int.Parse(section["Notifications:Smtp:Port"] ?? "25", CultureInfo.InvariantCulture),
                    section["Notifications:Smtp:From"] ?? "motcua@onestop.invalid",
                    section["Notifications:Smtp:User"],
                    section["Notifications:Smtp:Password"],
                    string.Equals(section["Notifications:Smtp:StartTls"], "true", StringComparison.OrdinalIgnoreCase)),
            UriOrNull(section["Notifications:Sms:Url"]),
            section["Notifications:Sms:ApiKey"]);
    }

    private static Uri? UriOrNull(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);

    /// <summary>Wolverine refuses more than this many delays in one retry step, and so do we, saying where.</summary>
    public const int MaxRetries = 25;

    private static TimeSpan[]? Seconds(IConfigurationSection section, string key)
    {
        var list = section[key];
        if (string.IsNullOrWhiteSpace(list))
            return null;
        TimeSpan[] delays = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)))];
        if (delays.Length is 0 or > MaxRetries || delays.Any(d => d <= TimeSpan.Zero))
            throw new InvalidOperationException(
                $"OneStop:{key} takes 1 to {MaxRetries} positive numbers of seconds, comma-separated.");
        return delays;
    }
}

/// <summary>The SMTP relay that carries applicant e-mail.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? User, string? Password, bool StartTls);
