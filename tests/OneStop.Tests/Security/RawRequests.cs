using System.Net;
using System.Text;
using Alba;
using Marten;
using Microsoft.AspNetCore.Http;

namespace OneStop.Tests.Security;

/// <summary>What came back from one raw request.</summary>
public sealed record RawAnswer(
    int Status,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// Sends requests exactly as given (any method, any bytes, any token, any client address), through the
/// in-memory server, so tests can probe the edge with bodies no typed client would produce.
/// </summary>
public static class RawRequests
{
    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    public static HttpContent Json(object body) => Json(System.Text.Json.JsonSerializer.Serialize(body));

    public static async Task<RawAnswer> Send(
        this IAlbaHost host,
        HttpMethod method,
        string url,
        HttpContent? content = null,
        string? token = null,
        IPAddress? client = null)
    {
        var bytes = content is null ? null : await content.ReadAsByteArrayAsync();
        var context = await host.Server.SendAsync(http =>
        {
            http.Request.Method = method.Method;
            var (path, query) = Split(url);
            http.Request.Path = PathString.FromUriComponent(path);
            http.Request.QueryString = new QueryString(query);
            if (token is not null)
                http.Request.Headers.Authorization = $"Bearer {token}";
            if (client is not null)
                http.Connection.RemoteIpAddress = client;
            if (content is not null && bytes is not null)
            {
                foreach (var header in content.Headers)
                    http.Request.Headers[header.Key] = header.Value.ToArray();
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ContentLength = bytes.Length;
            }
        });

        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        return new RawAnswer(context.Response.StatusCode, context.Response.ContentType, body, headers);
    }

    /// <summary>Every event in the ledger, whatever its stream.</summary>
    public static async Task<long> AllEvents(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var counts = await session.AdvancedSql.QueryAsync<long>("select count(*) from onestop.mt_events",
            CancellationToken.None);
        return counts.Single();
    }

    private static (string Path, string Query) Split(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? (url, "") : (url[..at], url[at..]);
    }
}
