using System.Security.Cryptography;
using OneStop.Dossiers;

namespace OneStop.Applicants;

/// <summary>An officer or inspector read the applicant's personal data on one dossier, and why.</summary>
public sealed record PersonalDataRead(Guid DossierId, string? Reason, Actor By, DateTimeOffset At);

/// <summary>
/// The applicant record was corrected: which fields changed and the salted hash of the corrected data,
/// never the values. The submission's hash stays what the dossier relied on.
/// </summary>
public sealed record ApplicantRecordCorrected(
    Guid DossierId,
    Guid ApplicantId,
    IReadOnlyList<string> Fields,
    string NewDataHash,
    string Reason,
    Actor By,
    DateTimeOffset At);

/// <summary>
/// The applicant record's personal data and its salt were erased, so the hash in the events can no longer be
/// linked to anyone; the events and their proofs stay as they were.
/// </summary>
public sealed record ApplicantRecordErased(
    Guid DossierId,
    Guid ApplicantId,
    string Reason,
    Actor By,
    DateTimeOffset At);

/// <summary>
/// Each dossier's access log is a stream of its own, beside the dossier's: reads do not move the dossier's
/// version (officers' commands never conflict with a colleague's read), yet every entry is hash-chained and
/// in the Merkle log like any event.
/// </summary>
public static class AccessLog
{
    // A fixed namespace makes the stream id a pure function of the dossier id.
    private static readonly Guid Namespace = Guid.Parse("6f6e6573-746f-7061-6363-6573736c6f67");

    /// <summary>The access log's stream id: a name-based UUID version 8 over SHA-256 (RFC 9562, B.2).</summary>
    public static Guid StreamOf(Guid dossierId)
    {
        Span<byte> name = stackalloc byte[32];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        dossierId.TryWriteBytes(name[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The dossier an access-log event is about; null for every other event.</summary>
    public static Guid? DossierOf(object data) => data switch
    {
        PersonalDataRead e => e.DossierId,
        ApplicantRecordCorrected e => e.DossierId,
        ApplicantRecordErased e => e.DossierId,
        _ => null,
    };
}
