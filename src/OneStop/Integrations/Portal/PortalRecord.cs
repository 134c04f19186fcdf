using System.Globalization;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;

namespace OneStop.Integrations.Portal;

/// <summary>
/// What the National Public Service Portal receives for one status change (domain/facts.md): instants travel
/// as <c>yyyyMMddHHmmss</c> local time. Personal data (names, identity numbers) is not sent.
/// </summary>
public sealed record PortalRecord(
    string DossierCode,
    string ProcedureCode,
    string ProcedureName,
    int ChannelCode,
    int StatusCode,
    string SubmittedAt,
    string? ReceivedAt,
    string? AppointmentAt,
    string? FinishedAt,
    string? ReturnedAt,
    string HandlingUnit,
    IReadOnlyList<PortalComponent> Components,
    IReadOnlyList<PortalResult> Results,
    int Version)
{
    public const string LocalFormat = "yyyyMMddHHmmss";

    public static PortalRecord From(DossierView view, WorkingCalendar calendar)
    {
        string? Local(DateTimeOffset? instant) => instant is { } at
            ? TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture)
            : null;

        return new PortalRecord(
            view.Code,
            view.ProcedureCode,
            view.ProcedureName,
            CodeOf(view.Channel),
            view.NationalStatusCode,
            Local(view.SubmittedAt)!,
            Local(view.ReceivedAt),
            Local(view.Appointment),
            Local(view.FinishedAt),
            Local(view.ReturnedAt),
            view.HandlingUnit,
            [.. view.Components.Select(c => new PortalComponent(c.Id, c.Name, c.Provided, c.Sha256 is not null))],
            view.ResultNumber is null ? [] : [new PortalResult(view.ResultNumber, view.ResultSha256)],
            view.Version);
    }

    /// <summary>The portal's channel codes: 1 in person (counter and kiosk), 2 online, 3 post.</summary>
    public static int CodeOf(Channel channel) => channel switch
    {
        Channel.Online => 2,
        Channel.Postal => 3,
        _ => 1,
    };
}

/// <summary>One component of the dossier and whether it was digitised.</summary>
public sealed record PortalComponent(string Code, string Name, bool Provided, bool Digitised);

/// <summary>One result document.</summary>
public sealed record PortalResult(string Number, string? Sha256);
