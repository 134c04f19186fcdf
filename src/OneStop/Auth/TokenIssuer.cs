using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.Auth;

/// <summary>Issues officer tokens signed with the service's key (the `token` command and tests).</summary>
public sealed class TokenIssuer(SigningKey key)
{
    public string Issue(string officer, string role, string unit, string? onBehalfOf = null, TimeSpan? lifetime = null)
    {
        // Token lifetimes follow the real clock, which is what validation checks them against.
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(OfficerClaims.Officer, officer),
            new(OfficerClaims.Role, role),
            new(OfficerClaims.Unit, unit),
        };
        if (!string.IsNullOrWhiteSpace(onBehalfOf))
            claims.Add(new Claim(OfficerClaims.OnBehalfOf, onBehalfOf));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SigningKey.Issuer,
            Audience = SigningKey.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
