using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Tests.Fixtures;
using OneStop.Tracking;
using Shouldly;

namespace OneStop.Tests.Tracking;

public sealed class when_a_citizen_tracks_a_dossier(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task the_code_and_secret_show_the_status_and_history_without_officer_names()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        await Ok(id, "reception", new { version = 1 }, Reception);

        var view = await Track(receipt.GetProperty("code").GetString()!,
            receipt.GetProperty("lookupSecret").GetString()!.ToLowerInvariant(), 200);

        view.GetProperty("nationalStatusCode").GetInt32().ShouldBe(2);
        view.GetProperty("timeline").GetArrayLength().ShouldBe(2);
        view.GetProperty("timeline")[1].GetProperty("role").GetString().ShouldBe("reception");
        view.GetRawText().ShouldNotContain("rc-01");
    }

    [Fact]
    public async Task an_unknown_code_and_a_wrong_secret_get_the_same_answer()
    {
        var receipt = await Submit();
        var code = receipt.GetProperty("code").GetString()!;

        var wrongSecret = await Track(code, "AAAAA-AAAAA", 404);
        var unknownCode = await Track("000.00.00.G06-260302-9999", "AAAAA-AAAAA", 404);

        Without(wrongSecret, "correlationId").ShouldBe(Without(unknownCode, "correlationId"));
    }

    [Fact]
    public async Task a_secret_hashed_before_the_key_opens_once_slowly_and_is_then_kept_as_an_hmac()
    {
        var receipt = await Submit();
        var code = receipt.GetProperty("code").GetString()!;
        var secret = receipt.GetProperty("lookupSecret").GetString()!;
        var salt = RandomNumberGenerator.GetBytes(16);
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret.Replace("-", "",
            StringComparison.Ordinal)), salt, 1000, HashAlgorithmName.SHA256, 32);
        await using (var session = Store.LightweightSession())
        {
            var stored = await session.LoadAsync<ReceiptSecret>(code);
            stored!.Hash = $"pbkdf2-sha256$1000${Convert.ToHexString(salt)}${Convert.ToHexString(derived)}";
            session.Store(stored);
            await session.SaveChangesAsync();
        }

        await Track(code, secret, 200);

        await using var query = Store.QuerySession();
        (await query.LoadAsync<ReceiptSecret>(code))!.Hash.ShouldStartWith("hmac-sha256$");
        await Track(code, secret, 200);
        await Track(code, "AAAAA-AAAAA", 404);
    }

    private static string Without(JsonElement problem, string _) => JsonSerializer.Serialize(
        problem.EnumerateObject()
            .Where(p => p.Name is not ("correlationId" or "traceId" or "instance"))
            .ToDictionary(p => p.Name, p => p.Value.ToString()));

    private async Task<JsonElement> Track(string code, string secret, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { code, secret }).ToUrl("/api/track");
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
