using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Tests.Fixtures;
using Shouldly;
using static OneStop.Tests.Security.RawRequests;
using static OneStop.Tests.Security.RoleTable;

namespace OneStop.Tests.Security;

/// <summary>
/// Issue 5's role matrix: every endpoint the service maps × every role, and no token. Allowed calls pass the
/// authorization layer (any answer but 401 and 403), denied roles get a 403 problem, and officer endpoints
/// called without a token get a 401 problem. Requests name unknown dossiers, so nothing is written.
/// </summary>
public sealed class when_every_endpoint_is_called_in_every_role(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public void every_mapped_endpoint_has_an_entry_in_the_role_table()
    {
        var mapped = MappedEndpoints();

        mapped.Except(Endpoints.Keys).ShouldBeEmpty(
            "A new endpoint needs a row in RoleTable saying who may call it.");
        Endpoints.Keys.Except(mapped).ShouldBeEmpty("RoleTable lists endpoints the service no longer maps.");
    }

    [Fact]
    public async Task each_role_is_let_in_or_refused_as_the_table_says()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, call) in Endpoints)
        {
            foreach (var role in AllRoles)
            {
                var unit = role is RoleTable.Handler or RoleTable.UnitHead ? HandlingUnit : ReceptionUnit;
                var token = App.Token($"{role}-01", role, unit);
                var answer = await Host.Send(call.Method, call.Url, call.Body(), token);
                var allowed = call.IsPublic || call.Allowed!.Contains(role);
                Check(wrong, endpoint, role, answer, allowed);
            }

            var anonymous = await Host.Send(call.Method, call.Url, call.Body());
            Check(wrong, endpoint, "no token", anonymous, call.IsPublic);
        }

        wrong.ShouldBeEmpty();
        (await EventCount(UnknownDossier)).ShouldBe(0);
    }

    [Theory]
    [InlineData("Kiosk")]
    [InlineData("Online")]
    public async Task kiosk_and_online_applicants_submit_without_a_token(string channel)
    {
        var answer = await Host.Send(HttpMethod.Post, "/api/dossiers", Json(new
        {
            procedureCode = ProcedureCode,
            channel,
            applicant = new { kind = "Citizen", name = "Trần Thị Bình" },
            components = AllRequiredComponents(),
        }));

        answer.Status.ShouldBe(201, answer.Body);
    }

    [Theory]
    [InlineData(RoleTable.Supervisor, "Kiosk")]
    [InlineData(RoleTable.Inspector, "Online")]
    [InlineData(RoleTable.Admin, "Kiosk")]
    [InlineData(RoleTable.Handler, "Online")]
    [InlineData(RoleTable.Postal, "Counter")]
    public async Task an_officer_who_may_not_submit_is_refused_whatever_the_channel(string role, string channel)
    {
        var answer = await Host.Send(HttpMethod.Post, "/api/dossiers", Json(new
        {
            procedureCode = ProcedureCode,
            channel,
            applicant = new { kind = "Citizen", name = "Trần Thị Bình" },
            components = AllRequiredComponents(),
        }), App.Token("x-01", role, ReceptionUnit));

        answer.Status.ShouldBe(403, answer.Body);
        (await AllEvents(Store)).ShouldBe(0);
    }

    private static void Check(List<string> wrong, string endpoint, string who, RawAnswer answer, bool allowed)
    {
        var expected = allowed ? "not 401/403" : who == "no token" ? "401" : "403";
        var ok = answer.Status < 500 && (allowed
            ? answer.Status is not (401 or 403)
            : answer.Status == (who == "no token" ? 401 : 403) && IsProblem(answer));
        if (!ok)
            wrong.Add($"{endpoint} as {who}: {answer.Status}, expected {expected}");
    }

    private static bool IsProblem(RawAnswer answer)
    {
        if (answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
            return false;
        var type = JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetString();
        return type == (answer.Status == 401
            ? "https://onestop.gov.vn/problems/unauthenticated"
            : "https://onestop.gov.vn/problems/forbidden");
    }

    private HashSet<string> MappedEndpoints() =>
    [
        .. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // The people's pages guard themselves with the officer cookie; their tests are under Browser/.
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {e.RoutePattern.RawText}")),
    ];
}
