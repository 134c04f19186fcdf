using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OneStop.Integrity;
using OneStop.Tests.Fixtures;
using OneStop.Verifier;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>A bundle exported by the service verifies in the offline verifier, and nothing else does.</summary>
public sealed class when_an_inspector_checks_a_bundle_offline(LedgerApp app) : IntegrityContext(app)
{
    [Fact]
    public async Task an_exported_bundle_verifies_with_the_pinned_key()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var sequence = (await Sequences(ids[1]))[1];

        var bundle = await Export($"/api/ledger/bundles/{sequence}");
        var (code, output) = RunVerifier(bundle, "--key", await PublicKeyFile());

        code.ShouldBe(0, output);
        output.ShouldContain($"of dossier {await CodeOf(ids[1])}");
        output.ShouldContain("VERIFIED");
    }

    [Fact]
    public async Task one_flipped_byte_in_the_event_fails_verification()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var sequence = (await Sequences(ids[0]))[0];
        var bundle = JsonNode.Parse(await Export($"/api/ledger/bundles/{sequence}"))!;

        var canonical = bundle["canonical"]!.GetValue<string>();
        var flipped = canonical.Replace("\"version\": 1", "\"version\": 0", StringComparison.Ordinal);
        flipped.ShouldNotBe(canonical, "the byte to flip must exist");
        bundle["canonical"] = flipped;
        bundle["event"] = JsonNode.Parse(flipped);
        var (code, output) = RunVerifier(bundle.ToJsonString(), "--key", await PublicKeyFile());

        code.ShouldBe(1, output);
        output.ShouldContain("FAIL  event hash");
        output.ShouldContain("NOT VERIFIED");
    }

    [Fact]
    public async Task a_readable_event_that_differs_from_the_hashed_one_fails()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var bundle = JsonNode.Parse(await Export($"/api/ledger/bundles/{(await Sequences(ids[0]))[0]}"))!;

        bundle["event"]!["headers"]!["officer"] = "someone-else";
        var (code, output) = RunVerifier(bundle.ToJsonString());

        code.ShouldBe(1, output);
        output.ShouldContain("FAIL  event matches canonical text");
    }

    [Fact]
    public async Task a_checkpoint_signed_by_another_key_fails()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var bundle = await Export($"/api/ledger/bundles/{(await Sequences(ids[0]))[0]}");

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyFile = TempFile();
        await File.WriteAllTextAsync(keyFile, stranger.ExportSubjectPublicKeyInfoPem());
        var (code, output) = RunVerifier(bundle, "--key", keyFile);

        code.ShouldBe(1, output);
        output.ShouldContain("FAIL  signature");
    }

    [Fact]
    public async Task the_bundle_proves_the_ledger_still_contains_an_earlier_published_checkpoint()
    {
        var ids = await three_received_dossiers();
        var earlier = (await a_checkpoint())!;
        var published = TempFile();
        File.Copy(Path.Combine(App.DataDirectory, PublishedCheckpoints.FileName), published, overwrite: true);
        await a_received_dossier();
        await a_checkpoint();

        var bundle = await Export($"/api/ledger/bundles/{(await Sequences(ids[2]))[0]}?from={earlier.Size}");
        var (code, output) = RunVerifier(bundle, "--key", await PublicKeyFile(), "--published", published);

        code.ShouldBe(0, output);
        output.ShouldContain($"ok    published checkpoint {earlier.Size}: the ledger still contains it");
    }

    [Fact]
    public async Task a_published_checkpoint_of_a_rewritten_history_fails()
    {
        await three_received_dossiers();
        await a_checkpoint();
        var published = TempFile();
        File.Copy(Path.Combine(App.DataDirectory, PublishedCheckpoints.FileName), published, overwrite: true);

        // The whole history is replaced by another of the same length, checkpointed with the same key.
        await App.ResetAsync();
        var ids = await three_received_dossiers();
        await a_checkpoint();
        await a_received_dossier();
        await a_checkpoint();
        var bundle = await Export($"/api/ledger/bundles/{(await Sequences(ids[0]))[0]}?from=6");
        var (code, output) = RunVerifier(bundle, "--published", published);

        code.ShouldBe(1, output);
        output.ShouldContain("FAIL  published checkpoint 6");
    }

    /// <summary>Files the inspector keeps; in the data folder so the fixture removes them.</summary>
    private string TempFile() => Path.Combine(App.DataDirectory, $"inspector-{Guid.NewGuid():N}.tmp");

    private async Task<string> Export(string url)
    {
        var (status, body) = await Get(url);
        status.ShouldBe(200, body.ToString());
        return body.GetRawText();
    }

    private async Task<string> PublicKeyFile()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/ledger/public-key");
            s.WithBearerToken(Inspector);
        });
        var path = TempFile();
        await File.WriteAllTextAsync(path, await result.ReadAsTextAsync());
        return path;
    }

    private (int Code, string Output) RunVerifier(string bundleJson, params string[] options)
    {
        var path = TempFile();
        File.WriteAllText(path, bundleJson);
        using var output = new StringWriter();
        var code = VerifierCli.Run([path, .. options], output);
        return (code, output.ToString());
    }
}
