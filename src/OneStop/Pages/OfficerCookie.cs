namespace OneStop.Pages;

/// <summary>The officer's token, kept between page requests. Never in a URL, never readable by scripts.</summary>
public static class OfficerCookie
{
    public const string Name = "onestop_token";

    /// <summary>Page routes only: the API keeps demanding an explicit Authorization header.</summary>
    public static bool AppliesTo(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi")
        && !path.StartsWithSegments("/health");

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;

    public static void Write(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict });
}
