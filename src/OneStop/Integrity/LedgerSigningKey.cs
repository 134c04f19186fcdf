using System.Security.Cryptography;

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

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
            WriteNewKey(path);
        return Import(File.ReadAllText(path));
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

    private static void WriteNewKey(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, key.ExportPkcs8PrivateKeyPem());
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
