using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OneStop.Hosting;

namespace OneStop.Auth;

/// <summary>
/// The token signing key: from configuration (`OneStop:Jwt:SigningKey`, base64) or a development key
/// generated on first start in the data folder, never in the repository.
/// </summary>
public sealed class SigningKey
{
    public const string Issuer = "onestop";
    public const string Audience = "onestop";

    public SymmetricSecurityKey Key { get; }

    private SigningKey(byte[] bytes) => Key = new SymmetricSecurityKey(bytes) { KeyId = "onestop-dev" };

    public static SigningKey From(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["OneStop:Jwt:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new SigningKey(Convert.FromBase64String(configured));

        var stored = KeyFile.ReadOrCreate(dataDirectory, "jwt-signing.key",
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        return new SigningKey(Convert.FromBase64String(stored.Trim()));
    }
}
