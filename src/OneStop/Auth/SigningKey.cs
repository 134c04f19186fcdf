using Microsoft.IdentityModel.Tokens;

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

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "jwt-signing.key");
        if (!File.Exists(path))
            WriteNewKey(path);
        return new SigningKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    private static void WriteNewKey(string path)
    {
        var temporary = path + ".tmp";
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Two processes starting at once must end up with one key: the first rename wins.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
