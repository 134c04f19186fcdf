using System.Security.Cryptography;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>
/// The ECDSA P-256 key that signs checkpoints: a PKCS#8 PEM from configuration (`OneStop:Ledger:SigningKey`)
/// or a development key generated on first start in the data folder, never in the repository. The database
/// never sees it, so someone who rewrites the database cannot sign a checkpoint over the rewrite.
/// </summary>
public sealed class LedgerSigningKey : IDisposable
{
    public const string ConfigurationKey = "OneStop:Ledger:SigningKey";
    public const string FileName = "ledger-signing.pem";

    private LedgerSigningKey(ECDsa key)
    {
        Key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    public ECDsa Key { get; }

    public string PublicKeyPem { get; }

    public static LedgerSigningKey From(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
            return Import(configured);

        return Import(KeyFile.ReadOrCreate(dataDirectory, FileName, NewKeyPem));
    }

    /// <summary>A public key alone, for checking signatures.</summary>
    public static ECDsa PublicKey(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    public void Dispose() => Key.Dispose();

    private static LedgerSigningKey Import(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
            throw new InvalidOperationException($"{ConfigurationKey} must be an ECDSA P-256 private key.");
        return new LedgerSigningKey(key);
    }

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
