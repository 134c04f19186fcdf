using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using OneStop.Tracking;
using Shouldly;

namespace OneStop.Tests.Tracking;

/// <summary>
/// The printed lookup secret is kept only as an HMAC under a key outside the database: the right secret opens
/// the dossier however it is typed, and the stored hash is useless without the key.
/// </summary>
public sealed class when_receipt_secrets_are_hashed
{
    private readonly ReceiptSecretKey secrets = new(RandomNumberGenerator.GetBytes(64));

    [Fact]
    public void the_secret_opens_its_hash_however_it_is_typed_and_a_wrong_one_does_not()
    {
        var (stored, secret) = secrets.NewFor(Guid.CreateVersion7());

        secret.ShouldMatch("^[A-Z2-9]{5}-[A-Z2-9]{5}$");
        stored.Hash.ShouldStartWith("hmac-sha256$");
        stored.Hash.ShouldNotContain(secret.Replace("-", "", StringComparison.Ordinal));
        secrets.Verify(stored.Hash, secret).ShouldBeTrue();
        secrets.Verify(stored.Hash, $" {secret.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)} ")
            .ShouldBeTrue();
        secrets.Verify(stored.Hash, Altered(secret)).ShouldBeFalse();
    }

    [Fact]
    public void the_same_secret_hashes_differently_each_time()
    {
        secrets.HashOf("ABCDE-FGHJK").ShouldNotBe(secrets.HashOf("ABCDE-FGHJK"));
    }

    [Fact]
    public void the_stored_hash_without_the_key_opens_nothing()
    {
        var (stored, secret) = secrets.NewFor(Guid.CreateVersion7());

        new ReceiptSecretKey(RandomNumberGenerator.GetBytes(64)).Verify(stored.Hash, secret).ShouldBeFalse();
    }

    [Fact]
    public void an_unknown_code_or_a_damaged_hash_opens_nothing()
    {
        secrets.Verify(null, "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("hmac-sha256$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("md5$00$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("hmac-sha256$zz$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("hmac-sha256$000$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("pbkdf2-sha256$1000$xyz$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("pbkdf2-sha256$0$00$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("pbkdf2-sha256$-5$00$00", "ABCDE-FGHJK").ShouldBeFalse();
        secrets.Verify("pbkdf2-sha256$2000000000$00$00", "ABCDE-FGHJK").ShouldBeFalse();
    }

    [Fact]
    public void a_hash_written_before_the_key_existed_still_opens_with_its_secret()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("ABCDEFGHJK"), salt, 1000,
            HashAlgorithmName.SHA256, 32);
        var legacy = $"pbkdf2-sha256$1000${Convert.ToHexString(salt)}${Convert.ToHexString(derived)}";

        secrets.Verify(legacy, "abcde-fghjk").ShouldBeTrue();
        secrets.Verify(legacy, "ABCDE-FGHJ2").ShouldBeFalse();
    }

    [Fact]
    public void the_key_is_made_once_in_the_data_folder_and_kept()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-keys-").FullName;
        try
        {
            var none = new ConfigurationBuilder().Build();
            var (stored, secret) = ReceiptSecretKey.From(none, folder).NewFor(Guid.CreateVersion7());

            ReceiptSecretKey.From(none, folder).Verify(stored.Hash, secret).ShouldBeTrue();
            var file = Path.Combine(folder, ReceiptSecretKey.FileName);
            // Plain base64 without a byte-order mark, so $(cat file) can go into an environment variable.
            Convert.FromBase64String(Encoding.ASCII.GetString(File.ReadAllBytes(file))).Length.ShouldBe(64);
            if (OperatingSystem.IsWindows())
                return;
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.GetFiles(folder).ShouldBe([file]);

            // A key someone left readable by others is closed to them at the next start.
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            ReceiptSecretKey.From(none, folder).Verify(stored.Hash, secret).ShouldBeTrue();
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void a_configured_key_that_is_short_or_not_base64_stops_the_start(string key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReceiptSecretKey.ConfigurationKey] = key })
            .Build();

        Should.Throw<InvalidOperationException>(() => ReceiptSecretKey.From(configuration, Path.GetTempPath()))
            .Message.ShouldContain("OneStop:Tracking:SecretKey");
    }

    private static string Altered(string secret) =>
        (secret[0] == 'A' ? "B" : "A") + secret[1..];
}
