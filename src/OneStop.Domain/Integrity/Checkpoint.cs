using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Integrity;

/// <summary>
/// A signed statement that the ledger's Merkle log held <see cref="Size"/> events with this root hash.
/// The signature is ECDSA P-256 with SHA-256 (DER) over <see cref="SignedText()"/>, so `openssl dgst` can check
/// it too.
/// </summary>
public sealed record Checkpoint(long Size, string RootHash, DateTimeOffset At, string Signature)
{
    public const string Format = "onestop-ledger-checkpoint-v1";

    /// <summary>The exact text that is signed; instants are kept to whole milliseconds in UTC.</summary>
    public static string SignedText(long size, string rootHash, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Format}\nsize {size}\nroot {rootHash}\nat {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\n");

    public string SignedText() => SignedText(Size, RootHash, At);

    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static Checkpoint Sign(long size, byte[] root, DateTimeOffset at, ECDsa key)
    {
        var rootHash = Convert.ToHexStringLower(root);
        var instant = Truncate(at);
        var signature = key.SignData(Encoding.UTF8.GetBytes(SignedText(size, rootHash, instant)),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new Checkpoint(size, rootHash, instant, Convert.ToBase64String(signature));
    }

    public bool IsSignedBy(ECDsa publicKey)
    {
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(SignedText()), Convert.FromBase64String(Signature),
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public byte[] Root() => Convert.FromHexString(RootHash);
}
