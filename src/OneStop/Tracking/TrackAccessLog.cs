using Marten;
using OneStop.Applicants;
using Wolverine.Http;

namespace OneStop.Tracking;

/// <summary>One entry of the access log as the applicant sees it: who, in which role and unit, when, why.</summary>
public sealed record AccessLogEntry(
    DateTimeOffset At,
    string What,
    string Officer,
    string Role,
    string Unit,
    string? Reason,
    IReadOnlyList<string> Fields);

public sealed record AccessLogAnswer(string Code, IReadOnlyList<AccessLogEntry> Entries);

public static class TrackAccessLogEndpoint
{
    public const string Read = "read";
    public const string Corrected = "corrected";
    public const string Erased = "erased";

    /// <summary>
    /// Who read, corrected or erased the applicant's personal data (DESIGN.md, "Audit-first"). A POST with
    /// the code and secret in the body, like tracking itself: a secret in a URL ends up in proxy and server
    /// logs and in the browser's history.
    /// </summary>
    [WolverinePost("/api/track/access-log")]
    public static async Task<AccessLogAnswer> Post(TrackDossier? command, IQuerySession session, HttpContext http)
    {
        var stored = await TrackDossierEndpoint.OpenAsync(command, session, http);
        var events = await session.Events.FetchStreamAsync(AccessLog.StreamOf(stored.DossierId),
            token: http.RequestAborted);
        return new AccessLogAnswer(stored.Id, [.. events.Select(e => Entry(e.Data)).OfType<AccessLogEntry>()]);
    }

    // The officer's identifier is shown here, unlike on the timeline: knowing who looked is the point.
    private static AccessLogEntry? Entry(object data) => data switch
    {
        PersonalDataRead e => new(e.At, Read, e.By.OfficerId, e.By.Role, e.By.Unit, e.Reason, []),
        ApplicantRecordCorrected e => new(e.At, Corrected, e.By.OfficerId, e.By.Role, e.By.Unit, e.Reason, e.Fields),
        ApplicantRecordErased e => new(e.At, Erased, e.By.OfficerId, e.By.Role, e.By.Unit, e.Reason,
            EraseApplicantEndpoint.ErasedFields),
        _ => null,
    };
}
