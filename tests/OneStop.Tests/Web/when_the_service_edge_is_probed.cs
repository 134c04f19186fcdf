using System.Net.Http.Headers;
using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Web;

public sealed class when_the_service_edge_is_probed(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task readiness_checks_the_database()
    {
        var result = await Host.Scenario(s => s.Get.Url("/health/ready"));
        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_dossier_commands()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var paths = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("paths");

        paths.TryGetProperty("/api/dossiers/{id}/reception", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/track", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task the_openapi_document_shows_the_officer_view_flat()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var schema = (await result.ReadAsJsonAsync<JsonElement>())
            .GetProperty("components").GetProperty("schemas").GetProperty("DossierAnswer").GetProperty("properties");

        foreach (var field in new[] { "status", "nationalStatusCode", "version", "timeliness", "remainingWorkingDays" })
            schema.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task the_interactive_api_page_is_served_without_outside_hosts()
    {
        var result = await Host.Scenario(s => s.Get.Url("/api-docs/"));
        var page = await result.ReadAsTextAsync();

        page.ShouldContain("openapi/v1.json");
        page.ShouldContain("<script src=\"scalar.js\">");
        page.ShouldNotContain("cdn.jsdelivr.net");
    }

    [Fact]
    public async Task an_oversized_json_body_is_413()
    {
        var id = await a_submitted_dossier();
        var body = "{\"version\":1,\"refuse\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl($"/api/dossiers/{id}/reception");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(Reception);
            s.StatusCodeShouldBe(413);
        });
        (await EventCount(id)).ShouldBe(1);
    }

    [Fact]
    public async Task a_scanned_component_is_fingerprinted_and_recorded()
    {
        var id = await a_submitted_dossier();
        var content = "%PDF-1.4\n1 0 obj << /Type /Page >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type /Pages >>"u8
            .ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "version" },
            { new StringContent(AllRequiredComponents()[0]), "componentId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Reception);
        var response = await client.PostAsync($"/api/dossiers/{id}/documents", form);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        ((int)response.StatusCode).ShouldBe(200, answer.ToString());
        answer.GetProperty("sha256").GetString()
            .ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        var component = (await View(id)).GetProperty("components")[0];
        component.GetProperty("pageCount").GetInt32().ShouldBe(2);
        component.GetProperty("fileName").GetString().ShouldBe("scan.pdf");
    }
}
