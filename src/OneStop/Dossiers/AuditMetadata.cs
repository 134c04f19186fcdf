using Marten;

namespace OneStop.Dossiers;

/// <summary>Who, through which channel or device, and under which correlation id (rule 10).</summary>
public static class AuditMetadata
{
    public const string CorrelationHeader = "X-Correlation-ID";
    public const string DeviceHeader = "X-Device-ID";

    public static void Stamp(IDocumentSession session, CommandOrigin origin)
    {
        session.CorrelationId = origin.CorrelationId;
        session.CausationId = origin.CausationId;
        session.LastModifiedBy = origin.Actor.OfficerId;
        session.SetHeader("officer", origin.Actor.OfficerId);
        session.SetHeader("role", origin.Actor.Role);
        session.SetHeader("unit", origin.Actor.Unit);
        if (origin.Actor.OnBehalfOf is not null)
            session.SetHeader("onBehalfOf", origin.Actor.OnBehalfOf);
        session.SetHeader("channel", origin.Channel);
        if (origin.Device is not null)
            session.SetHeader("device", origin.Device);
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

    public static string? Device(HttpContext http) => Clean(http.Request.Headers[DeviceHeader].ToString(), 100);

    private static string? Clean(string value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl)
            ? null
            : value.Trim();
}
