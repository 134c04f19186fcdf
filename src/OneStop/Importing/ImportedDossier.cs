using OneStop.Applicants;
using OneStop.Dossiers;

namespace OneStop.Importing;

/// <summary>
/// One historical dossier from an older system, one JSON object per line: its code, procedure, channel, applicant
/// and the instants of what happened to it. Missing instants mean that step never happened.
/// </summary>
public sealed record ImportedDossier(
    string Code,
    string ProcedureCode,
    Channel Channel,
    ApplicantDetails Applicant,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt = null,
    DateTimeOffset? Appointment = null,
    DateTimeOffset? HandedOverAt = null,
    Outcome? Outcome = null,
    DateTimeOffset? DecidedAt = null,
    DateTimeOffset? ReturnedAt = null,
    ReturnMethod? ReturnMethod = null,
    DateTimeOffset? WithdrawnAt = null,
    DateTimeOffset? RefusedAt = null,
    string? Note = null);
