using System.Security.Cryptography;
using System.Text;
using OneStop.Hosting;

namespace OneStop.Tracking;

/// <summary>
/// The hash of the lookup secret printed on a dossier's receipt, keyed by dossier code. The secret itself
/// is shown once and never stored.
/// </summary>
public sealed class ReceiptSecret
{
    /// <summary>The dossier code.</summary>
    public string Id { get; set; } = "";
    public Guid DossierId { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>
/// Makes and checks receipt secrets. A secret is 10 random characters (50 bits); its stored hash is an
/// HMAC-SHA256 under a key the database never sees, so a copy of the database alone cannot be used to guess
/// secrets offline, and checking one costs microseconds. Hashes written before the key existed
/// (PBKDF2-SHA256, 100,000 iterations) are still accepted.
/// </summary>
public sealed class ReceiptSecretKey
{
    public const string ConfigurationKey = "OneStop:Tracking:SecretKey";
    public const string FileName = "receipt-secret.key";
    private const string Scheme = "hmac-sha256";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int MinimumKeyBytes = 32;

    /// <summary>Old hashes used 100,000 rounds; a stored count beyond this is damage, not a hash to work out.</summary>
    private const int MaxLegacyRounds = 1_000_000;

    private readonly byte[] key;
    private readonly string dummyHash;

    public ReceiptSecretKey(byte[] key)
    {
        if (key.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"{ConfigurationKey} must be at least {MinimumKeyBytes} bytes.");
        this.key = key;
        dummyHash = HashOf("unknown-dossier");
    }

    /// <summary>From configuration (base64), else a key generated on first start in the data folder.</summary>
    public static ReceiptSecretKey From(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration[ConfigurationKey];
        var encoded = string.IsNullOrWhiteSpace(configured)
            ? KeyFile.ReadOrCreate(dataDirectory, FileName,
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)))
            : configured;
        try
        {
            return new ReceiptSecretKey(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be base64.");
        }
    }

    /// <summary>A new secret and its hash; the caller sets the dossier code once it is assigned.</summary>
    public (ReceiptSecret Stored, string Secret) NewFor(Guid dossierId)
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        // 256 is a multiple of 32, so every character is equally likely.
        var chars = bytes.Select(b => Alphabet[b % Alphabet.Length]).ToArray();
        var secret = $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
        return (new ReceiptSecret { DossierId = dossierId, Hash = HashOf(secret) }, secret);
    }

    /// <summary>
    /// Checks a secret against a stored hash in constant time; with no stored hash (an unknown code) it does
    /// the same work against a dummy and answers no.
    /// </summary>
    public bool Verify(string? stored, string secret)
    {
        var matches = Matches(stored ?? dummyHash, secret);
        return stored is not null && matches;
    }

    /// <summary>A hash from before the key (slow to check): worth rewriting once its secret is known.</summary>
    public static bool IsLegacy(string stored) => !stored.StartsWith(Scheme + "$", StringComparison.Ordinal);

    public string HashOf(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Scheme}${Convert.ToHexString(salt)}${Convert.ToHexString(Mac(salt, secret))}";
    }

    private bool Matches(string stored, string secret)
    {
        var parts = stored.Split('$');
        // A damaged stored hash opens nothing; it is not the caller's fault, so it is a miss, not an error.
        if (parts.Skip(parts.Length - 2).Any(hex => hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit)))
            return false;
        return parts switch
        {
            [Scheme, var salt, var hash] =>
                CryptographicOperations.FixedTimeEquals(Mac(Convert.FromHexString(salt), secret),
                    Convert.FromHexString(hash)),
            ["pbkdf2-sha256", var rounds, var salt, var hash]
                when int.TryParse(rounds, out var iterations) && iterations is > 0 and <= MaxLegacyRounds =>
                CryptographicOperations.FixedTimeEquals(
                    Rfc2898DeriveBytes.Pbkdf2(Canonical(secret), Convert.FromHexString(salt), iterations,
                        HashAlgorithmName.SHA256, 32),
                    Convert.FromHexString(hash)),
            _ => false,
        };
    }

    private byte[] Mac(byte[] salt, string secret) =>
        HMACSHA256.HashData(key, salt.Concat(Canonical(secret)).ToArray());

    /// <summary>People retype secrets: ignore case, spaces and dashes.</summary>
    private static byte[] Canonical(string secret) =>
        Encoding.UTF8.GetBytes(new string([.. secret.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]));
}
