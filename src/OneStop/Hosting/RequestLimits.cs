using Microsoft.AspNetCore.Http.Features;

namespace OneStop.Hosting;

/// <summary>JSON commands are small; only scanned documents may be large (413 beyond either limit).</summary>
public static class RequestLimits
{
    public const long JsonBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var isUpload = http.Request.Path.Value!.EndsWith("/documents", StringComparison.Ordinal);
        if (feature is { IsReadOnly: false } && !isUpload)
            feature.MaxRequestBodySize = JsonBodyBytes;
        if (http.Request.ContentLength > (feature?.MaxRequestBodySize ?? JsonBodyBytes))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(http);
    });
}
