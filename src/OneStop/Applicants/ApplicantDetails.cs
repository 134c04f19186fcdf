using System.ComponentModel.DataAnnotations;

namespace OneStop.Applicants;

/// <summary>
/// The personal data an applicant gives at submission, and the language they are written to in: <c>vi</c>
/// (the default) or <c>en</c>.
/// </summary>
public sealed record ApplicantDetails(
    ApplicantKind Kind,
    [property: Required, MinLength(1), MaxLength(200)] string Name,
    [property: MaxLength(20), RegularExpression("^[0-9A-Za-z]{6,20}$")] string? IdentityNumber = null,
    [property: MaxLength(20), RegularExpression(@"^\+?[0-9 .-]{6,20}$")] string? Phone = null,
    [property: MaxLength(200), EmailAddress] string? Email = null,
    [property: MaxLength(500)] string? Address = null,
    [property: RegularExpression("^(vi|en)$")] string? Language = null);
