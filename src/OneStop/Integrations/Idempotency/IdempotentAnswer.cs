using System.Security.Cryptography;
using System.Text;

namespace OneStop.Integrations.Idempotency;

/// <summary>
/// The first answer to a request sent with an Idempotency-Key, kept so a retry gets the same answer. The id is
/// a hash of the caller and the key; the body is sealed with a key derived from them, so the database alone
/// never reveals it (a submission's answer carries the receipt secret, otherwise stored only as a hash).
/// </summary>
public sealed class IdempotentAnswer
{
    public string Id { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int Status { get; set; }
    public string? Location { get; set; }
    public string Sealed { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A request that carries an Idempotency-Key: who sent it, and a fingerprint of what it asked.</summary>
public sealed record IdempotencyClaim(string Id, string Fingerprint, byte[] SealKey)
{
    public const string Header = "Idempotency-Key";
    public const string ItemKey = "onestop.idempotency";

    public static IdempotencyClaim For(string caller, string key, string fingerprint)
    {
        var secret = Encoding.UTF8.GetBytes($"{caller}\n{key}");
        var id = Convert.ToHexStringLower(SHA256.HashData([.. "id\n"u8, .. secret]));
        var sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "onestop-idempotency"u8.ToArray());
        return new IdempotencyClaim(id, fingerprint, sealKey);
    }

    public IdempotentAnswer Seal(int status, string? location, byte[] body, DateTimeOffset at)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[body.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(SealKey, tag.Length))
            aes.Encrypt(nonce, body, cipher, tag);
        return new IdempotentAnswer
        {
            Id = Id,
            Fingerprint = Fingerprint,
            Status = status,
            Location = location,
            Sealed = Convert.ToBase64String([.. nonce, .. tag, .. cipher]),
            At = at,
        };
    }

    public byte[] Open(IdempotentAnswer answer)
    {
        var data = Convert.FromBase64String(answer.Sealed);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var body = new byte[data.Length - nonceSize - tagSize];
        using var aes = new AesGcm(SealKey, tagSize);
        aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize + tagSize), data.AsSpan(nonceSize, tagSize),
            body);
        return body;
    }
}
