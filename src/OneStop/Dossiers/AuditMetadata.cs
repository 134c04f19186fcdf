using Marten;

namespace OneStop.Dossiers;

/// <summary>Who, through which channel or device, and under which correlation id (rule 10).</summary>
public static class AuditMetadata
{
    public const string CorrelationHeader = "X-Correlation-ID";
    public const string DeviceHeader = "X-Device-ID";

    public static void Stamp(IDocumentSession session, HttpContext http, Actor actor, string? channel = null)
    {
        session.CorrelationId = CorrelationId(http);
        session.CausationId = http.TraceIdentifier;
        session.LastModifiedBy = actor.OfficerId;
        session.SetHeader("officer", actor.OfficerId);
        session.SetHeader("role", actor.Role);
        session.SetHeader("unit", actor.Unit);
        if (actor.OnBehalfOf is not null)
            session.SetHeader("onBehalfOf", actor.OnBehalfOf);
        session.SetHeader("channel", channel ?? "officer-desk");
        var device = Clean(http.Request.Headers[DeviceHeader].ToString(), 100);
        if (device is not null)
            session.SetHeader("device", device);
    }

    /// <summary>The caller's correlation id when it is sane, else a new one.</summary>
    public static string CorrelationId(HttpContext http)
    {
        if (http.Items.TryGetValue(CorrelationHeader, out var known) && known is string id)
            return id;
        var given = Clean(http.Request.Headers[CorrelationHeader].ToString(), 128);
        var correlation = given ?? Guid.CreateVersion7().ToString();
        http.Items[CorrelationHeader] = correlation;
        return correlation;
    }

    private static string? Clean(string value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl)
            ? null
            : value.Trim();
}
