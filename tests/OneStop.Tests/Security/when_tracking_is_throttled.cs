using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OneStop.Tests.Fixtures;
using OneStop.Tracking;
using Shouldly;

namespace OneStop.Tests.Security;

/// <summary>
/// Codes are sequential, so tracking is where they could be enumerated and secrets guessed: each client
/// address gets 30 attempts a minute and each code 10 every ten minutes, whoever asks; then 429.
/// </summary>
public sealed class when_tracking_is_throttled(LedgerApp app) : SecurityContext(app)
{
    private static readonly IPAddress Citizen = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task one_client_gets_30_attempts_a_minute_then_429_with_retry_after()
    {
        for (var i = 1; i <= 30; i++)
            (await Track(Code(i), "AAAAA-AAAAA", client: Citizen)).Status.ShouldBe(404);

        var refused = await Track(Code(31), "AAAAA-AAAAA", client: Citizen);

        refused.Status.ShouldBe(429);
        JsonDocument.Parse(refused.Body).RootElement.GetProperty("type").GetString()
            .ShouldBe("https://onestop.gov.vn/problems/throttled");
        int.Parse(refused.Header("Retry-After")!, CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await Track(Code(32), "AAAAA-AAAAA", client: IPAddress.Parse("198.51.100.9"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task one_code_gets_10_attempts_from_any_number_of_clients_even_with_the_right_secret()
    {
        var receipt = await Submit();
        var code = receipt.GetProperty("code").GetString()!;
        for (var i = 1; i <= 10; i++)
            (await Track(code, "WRONG-GUESS", client: IPAddress.Parse($"198.51.100.{i}"))).Status.ShouldBe(404);

        var right = await Track(code.ToLowerInvariant(), receipt.GetProperty("lookupSecret").GetString()!,
            client: IPAddress.Parse("198.51.100.200"));

        right.Status.ShouldBe(429);
        int.Parse(right.Header("Retry-After")!, CultureInfo.InvariantCulture).ShouldBeInRange(1, 600);
    }

    [Fact]
    public async Task an_unknown_code_is_throttled_exactly_like_a_known_one()
    {
        var known = (await Submit()).GetProperty("code").GetString()!;
        var unknown = Code(9999);
        var answers = new List<(int Known, int Unknown)>();

        for (var i = 1; i <= 11; i++)
        {
            var client = IPAddress.Parse($"192.0.2.{i}");
            answers.Add(((await Track(known, "WRONG-GUESS", client: client)).Status,
                (await Track(unknown, "WRONG-GUESS", client: client)).Status));
        }

        answers.ShouldAllBe(a => a.Known == a.Unknown);
        answers[^1].Known.ShouldBe(429);
    }

    [Fact]
    public async Task the_access_log_spends_the_same_permits()
    {
        for (var i = 1; i <= 30; i++)
            await Track(Code(i), "AAAAA-AAAAA", client: Citizen);

        (await Track(Code(40), "AAAAA-AAAAA", "/api/track/access-log", Citizen)).Status.ShouldBe(429);
    }

    [Fact]
    public void an_ipv6_subscriber_counts_as_one_client_per_64_bit_prefix()
    {
        string ClientOf(string address) => TrackingThrottle.ClientOf(new DefaultHttpContext
        {
            Connection = { RemoteIpAddress = IPAddress.Parse(address) },
        });

        ClientOf("2001:db8:1:2::1").ShouldBe(ClientOf("2001:db8:1:2:ffff::9"));
        ClientOf("2001:db8:1:3::1").ShouldNotBe(ClientOf("2001:db8:1:2::1"));
        ClientOf("::ffff:203.0.113.7").ShouldBe("203.0.113.7");
    }

    private static string Code(int sequence) => $"000.00.00.G06-260302-{sequence:D4}";
}
