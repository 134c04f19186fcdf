using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStop.Applicants;

/// <summary>
/// Personal data of one applicant, kept outside the events (rule 11). Events carry only the id and a
/// salted hash of the data they relied on, so correcting or erasing this record never touches a proof.
/// </summary>
public sealed class ApplicantRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? IdentityNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string Salt { get; set; } = "";
    public DateTimeOffset? ErasedAt { get; set; }

    public static ApplicantRecord From(ApplicantDetails details) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = details.Kind.ToString(),
        Name = details.Name,
        IdentityNumber = details.IdentityNumber,
        Phone = details.Phone,
        Email = details.Email,
        Address = details.Address,
        Salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
    };

    /// <summary>SHA-256 over the salt and the data as submitted; the salt stops guessing by dictionary.</summary>
    public string DataHash()
    {
        var data = JsonSerializer.Serialize(new[] { Kind, Name, IdentityNumber, Phone, Email, Address });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Salt + "\n" + data)));
    }
}

/// <summary>Kinds of applicant, as the national portal counts them.</summary>
public enum ApplicantKind
{
    Citizen,
    Enterprise,
    StateAgency,
    Organisation,
}
