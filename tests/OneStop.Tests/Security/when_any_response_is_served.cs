using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Security;

/// <summary>Browser-facing hardening: every answer carries the security headers; forms get a strict cookie.</summary>
public sealed class when_any_response_is_served(LedgerApp app) : SecurityContext(app)
{
    public static TheoryData<string, string?> Answers => new()
    {
        { "/api/procedures", null },
        { "/api/procedures/NO.SUCH.CODE", null },
        { "/api/worklist", null },
        { "/api/dossiers/not-a-guid", "reception" },
        { "/health/ready", null },
        { "/no/such/page", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task it_carries_the_security_headers(string url, string? role)
    {
        var answer = await Host.Send(HttpMethod.Get, url, token: role is null ? null : Reception);

        answer.Header("X-Content-Type-Options").ShouldBe("nosniff");
        answer.Header("X-Frame-Options").ShouldBe("DENY");
        answer.Header("Referrer-Policy").ShouldBe("no-referrer");
        answer.Header("Cache-Control")!.ShouldContain("no-store");
        var policy = answer.Header("Content-Security-Policy")!;
        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe-inline");
        answer.Header("Permissions-Policy")!.ShouldContain("camera=()");
    }

    [Fact]
    public async Task the_api_page_may_start_itself_inline_but_loads_nothing_from_elsewhere()
    {
        var answer = await Host.Send(HttpMethod.Get, "/api-docs/");

        var policy = answer.Header("Content-Security-Policy")!;
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("http");
        answer.Header("X-Frame-Options").ShouldBe("DENY");
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public void the_antiforgery_cookie_is_http_only_and_same_site_strict(string scheme, bool secure)
    {
        using var scope = Host.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = scheme;

        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

        tokens.RequestToken.ShouldNotBeNullOrEmpty();
        var cookie = http.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        cookie.ShouldStartWith("onestop-antiforgery=");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        cookie.Contains("secure", StringComparison.Ordinal).ShouldBe(secure);
    }
}
