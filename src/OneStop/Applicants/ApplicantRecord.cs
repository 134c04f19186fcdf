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
    public const string DefaultLanguage = "vi";

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? IdentityNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>A preference, not data a decision relies on: it stays out of the hash the events carry.</summary>
    public string Language { get; set; } = DefaultLanguage;

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
        Language = details.Language ?? DefaultLanguage,
        Salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
    };

    /// <summary>Replaces the data with the corrected details; the names of the fields that changed.</summary>
    public IReadOnlyList<string> Correct(ApplicantDetails details)
    {
        var changed = new List<string>();
        Kind = Set(nameof(Kind), Kind, details.Kind.ToString(), changed)!;
        Name = Set(nameof(Name), Name, details.Name, changed)!;
        IdentityNumber = Set(nameof(IdentityNumber), IdentityNumber, details.IdentityNumber, changed);
        Phone = Set(nameof(Phone), Phone, details.Phone, changed);
        Email = Set(nameof(Email), Email, details.Email, changed);
        Address = Set(nameof(Address), Address, details.Address, changed);
        Language = Set(nameof(Language), Language, details.Language ?? DefaultLanguage, changed)!;
        return changed;
    }

    /// <summary>
    /// Forgets the personal data and the salt: without the salt, the hash the events carry can no longer be
    /// checked against a guess, so it points at no one. The kind stays for the statistics.
    /// </summary>
    public void Erase(DateTimeOffset at)
    {
        Name = "";
        IdentityNumber = Phone = Email = Address = null;
        Salt = "";
        ErasedAt = at;
    }

    private static string? Set(string field, string? current, string? corrected, List<string> changed)
    {
        var value = string.IsNullOrWhiteSpace(corrected) ? null : corrected.Trim();
        if (!string.Equals(current, value, StringComparison.Ordinal))
            changed.Add(char.ToLowerInvariant(field[0]) + field[1..]);
        return value;
    }

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
