using System.Text.Json;
using OneStop.Integrity;

namespace OneStop.Verifier;

/// <summary>
/// The inspector's offline check of a proof bundle exported by the service; needs no database and no network.
/// Exit code 0 when every check holds, 1 when one fails, 2 for bad usage.
/// </summary>
public static class VerifierCli
{
    public const string Usage =
        "usage: onestop-verify <bundle.json> [--key ledger-public.pem] [--published checkpoints.jsonl]";

    public static int Run(string[] args, TextWriter output)
    {
        if (!TryParse(args, out var bundlePath, out var keyPath, out var publishedPath))
        {
            output.WriteLine(Usage);
            return 2;
        }

        ProofBundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<ProofBundle>(File.ReadAllText(bundlePath), CheckpointFile.Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            output.WriteLine($"FAIL  bundle: cannot read {bundlePath}: {e.Message}");
            return 1;
        }

        if (bundle is null)
        {
            output.WriteLine($"FAIL  bundle: {bundlePath} holds no bundle");
            return 1;
        }

        var key = keyPath is null ? null : File.ReadAllText(keyPath);
        var published = publishedPath is null ? null : CheckpointFile.Read(publishedPath);
        var checks = BundleVerifier.Verify(bundle, key, published);

        var dossier = bundle.DossierCode is null ? "" : $" of dossier {bundle.DossierCode}";
        output.WriteLine($"Event {bundle.Sequence}{dossier}");
        foreach (var check in checks)
            output.WriteLine($"{(check.Passed ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
        var passed = checks.All(c => c.Passed);
        output.WriteLine(passed ? "VERIFIED" : "NOT VERIFIED");
        return passed ? 0 : 1;
    }

    private static bool TryParse(string[] args, out string bundle, out string? key, out string? published)
    {
        bundle = "";
        key = null;
        published = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--key" when i + 1 < args.Length:
                    key = args[++i];
                    break;
                case "--published" when i + 1 < args.Length:
                    published = args[++i];
                    break;
                case var path when !path.StartsWith("--", StringComparison.Ordinal) && bundle.Length == 0:
                    bundle = path;
                    break;
                default:
                    return false;
            }
        }

        return bundle.Length > 0;
    }
}
