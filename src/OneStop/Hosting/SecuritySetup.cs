using Marten;
using OneStop.Applicants;
using OneStop.Tracking;

namespace OneStop.Hosting;

/// <summary>
/// Security and privacy wiring (README, "Security model"): throttled tracking, access-log events, forms.
/// </summary>
public static class SecuritySetup
{
    public const string AntiforgeryCookie = "onestop-antiforgery";

    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TrackingLimits.From(builder.Configuration));
        builder.Services.AddSingleton<TrackingThrottle>();
        builder.Services.ConfigureMarten(options => options.Events.AddEventTypes(
            [typeof(PersonalDataRead), typeof(ApplicantRecordCorrected), typeof(ApplicantRecordErased)]));
        // Form pages validate this token; the cookie is unreadable to scripts and never sent cross-site.
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SuppressXFrameOptionsHeader = true;
        });
    }
}
