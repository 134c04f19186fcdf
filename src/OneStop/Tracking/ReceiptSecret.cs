using System.Security.Cryptography;
using System.Text;

namespace OneStop.Tracking;

/// <summary>
/// The hash of the lookup secret printed on a dossier's receipt, keyed by dossier code. The secret itself
/// is shown once and never stored.
/// </summary>
public sealed class ReceiptSecret
{
    private const int Iterations = 100_000;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The dossier code.</summary>
    public string Id { get; set; } = "";
    public Guid DossierId { get; set; }
    public string Hash { get; set; } = "";

    /// <summary>A new secret and its hash; the caller sets the dossier code once it is assigned.</summary>
    public static (ReceiptSecret Stored, string Secret) NewFor(Guid dossierId)
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var chars = bytes.Select(b => Alphabet[b % Alphabet.Length]).ToArray();
        var secret = $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
        return (new ReceiptSecret { DossierId = dossierId, Hash = HashOf(secret) }, secret);
    }

    public bool Matches(string secret) => Verify(Hash, secret);

    /// <summary>Checks a secret against a stored hash in constant time; a dummy hash keeps misses as slow.</summary>
    public static bool Verify(string stored, string secret)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var iterations))
            return false;
        var salt = Convert.FromHexString(parts[2]);
        var expected = Convert.FromHexString(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Canonical(secret), salt, iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static readonly string DummyHash = HashOf("unknown-dossier");

    private static string HashOf(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Canonical(secret), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToHexString(salt)}${Convert.ToHexString(hash)}";
    }

    /// <summary>People retype secrets: ignore case, spaces and dashes.</summary>
    private static byte[] Canonical(string secret) =>
        Encoding.UTF8.GetBytes(new string([.. secret.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]));
}
