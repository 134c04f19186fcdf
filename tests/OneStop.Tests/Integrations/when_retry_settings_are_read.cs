using Microsoft.Extensions.Configuration;
using OneStop.Integrations;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// Regression: a retry list longer than Wolverine accepts stopped the service at start-up with a message that
/// named neither the setting nor the limit. The settings now refuse it themselves, naming the key.
/// </summary>
public sealed class when_retry_settings_are_read
{
    [Fact]
    public void a_list_longer_than_wolverine_accepts_is_refused_by_name()
    {
        var tooMany = string.Join(",", Enumerable.Repeat("1", IntegrationSettings.MaxRetries + 1));

        var refused = Should.Throw<InvalidOperationException>(() =>
            Read(("Integrations:RetryScheduleSeconds", tooMany)));

        refused.Message.ShouldContain("OneStop:Integrations:RetryScheduleSeconds");
    }

    [Fact]
    public void listed_seconds_become_the_delays_and_absent_ones_the_defaults()
    {
        var settings = Read(("Integrations:RetryCooldownSeconds", "0.5, 2"));

        settings.RetryCooldowns.ShouldBe([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)]);
        settings.RetrySchedule.ShouldBe(IntegrationSettings.DefaultSchedule);
        settings.FinalAttempt.ShouldBe(1 + 2 + IntegrationSettings.DefaultSchedule.Length);
    }

    private static IntegrationSettings Read(params (string Key, string Value)[] values) =>
        IntegrationSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create("OneStop:" + v.Key, (string?)v.Value)))
            .Build());
}
