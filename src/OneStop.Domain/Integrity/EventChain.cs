using System.Security.Cryptography;
using System.Text;

namespace OneStop.Integrity;

/// <summary>
/// The per-dossier hash chain: each event's hash is SHA-256 over the previous event's hash in the same dossier
/// (32 zero bytes for the first) followed by the event's canonical bytes. The database trigger and every
/// verifier compute the same thing.
/// </summary>
public static class EventChain
{
    public static byte[] Genesis => new byte[MerkleTree.HashSize];

    public static byte[] Hash(ReadOnlySpan<byte> previous, string canonical)
    {
        var bytes = Encoding.UTF8.GetBytes(canonical);
        var input = new byte[previous.Length + bytes.Length];
        previous.CopyTo(input);
        bytes.CopyTo(input, previous.Length);
        return SHA256.HashData(input);
    }
}
