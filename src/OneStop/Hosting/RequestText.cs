using OneStop.Problems;

namespace OneStop.Hosting;

/// <summary>
/// What <see cref="SafeStringConverter"/> does for JSON strings, done for the text that arrives outside the
/// body: every query name and value and every route value is refused (400) when it holds control characters,
/// invalid Unicode or more than the maximum length, and query text is normalised to NFC. A NUL in a query
/// value otherwise reached PostgreSQL, which refuses it with an error the service could only call a 500.
/// An all-zero `{id}`, which no dossier has and Marten refuses as a stream id, is 404 before any handler.
/// </summary>
public static class RequestText
{
    public static IApplicationBuilder UseRequestTextRules(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is string text && SafeStringConverter.Clean(text) is null)
                throw Refused(name);
        }

        if (http.Request.RouteValues.TryGetValue("id", out var id) && id is string raw
            && Guid.TryParse(raw, out var guid) && guid == Guid.Empty)
            throw new NotFound($"No dossier has the id {guid}.");

        if (http.Request.QueryString.HasValue)
            NormaliseQuery(http.Request);
        await next(http);
    });

    private static void NormaliseQuery(HttpRequest request)
    {
        var changed = false;
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (name, values) in request.Query)
        {
            var cleanName = SafeStringConverter.Clean(name) ?? throw Refused("query");
            foreach (var value in values)
            {
                var clean = SafeStringConverter.Clean(value ?? "") ?? throw Refused(cleanName);
                changed |= !ReferenceEquals(clean, value) || !ReferenceEquals(cleanName, name);
                query.Add(new(cleanName, clean));
            }
        }

        if (changed)
            request.QueryString = QueryString.Create(query);
    }

    private static InvalidInput Refused(string field) => InvalidInput.Field(field.Length > 60 ? "query" : field,
        $"Text may not hold control characters or invalid Unicode, nor exceed {SafeStringConverter.MaxLength} "
        + "characters.");
}
