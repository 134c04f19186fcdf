using System.Net.Http.Headers;
using static OneStop.Tests.Security.RawRequests;

namespace OneStop.Tests.Security;

/// <summary>One endpoint as the role matrix calls it, with a request that changes nothing.</summary>
public sealed record EndpointCase(HttpMethod Method, string Url, Func<HttpContent?> Body, string[]? Allowed)
{
    public bool IsPublic => Allowed is null;
}

/// <summary>
/// Every endpoint, the roles allowed to call it (null: public), and a syntactically valid request naming an
/// unknown dossier, procedure or event, so an allowed call gets 400, 404 or 409 and never writes anything.
/// This table is the security policy as a reviewer reads it; the test fails for an endpoint it does not list.
/// </summary>
public static class RoleTable
{
    public const string Reception = "reception";
    public const string Handler = "handler";
    public const string UnitHead = "unit-head";
    public const string Postal = "postal";
    public const string Supervisor = "supervisor";
    public const string Inspector = "inspector";
    public const string Admin = "admin";

    public static readonly string[] AllRoles = [Reception, Handler, UnitHead, Postal, Supervisor, Inspector, Admin];

    public static readonly Guid UnknownDossier = Guid.Parse("01990000-0000-7000-8000-00000000dead");

    private static readonly string[] Desk = [Reception, Postal];
    private static readonly string[] HandlingUnit = [Handler, UnitHead];
    private static readonly string[] Head = [UnitHead];
    private static readonly string[] Processing = [Reception, Handler, UnitHead, Postal];

    public static readonly IReadOnlyDictionary<string, EndpointCase> Endpoints = new Dictionary<string, EndpointCase>
    {
        // Public: the catalogue, the calendar, citizens' tracking, the transparency report, health, API docs.
        ["GET /api/procedures"] = Get("/api/procedures?search=giay%20phep", null),
        ["GET /api/procedures/{code}"] = Get("/api/procedures/NO.SUCH.CODE", null),
        ["POST /api/procedures/{code}/checklist"] =
            Post("/api/procedures/NO.SUCH.CODE/checklist", new { components = new[] { "C01" } }, null),
        ["GET /api/calendar/appointment"] =
            Get("/api/calendar/appointment?from=2026-03-02T09:00:00Z&value=1&unit=WorkingDays", null),
        ["GET /api/calendar/days"] = Get("/api/calendar/days?from=2026-03-01&to=2026-03-02", null),
        ["POST /api/track"] = Post("/api/track", new { code = "000.00.00.G06-260302-9999", secret = "AAAAA-AAAAA" },
            null),
        ["POST /api/track/access-log"] = Post("/api/track/access-log",
            new { code = "000.00.00.G06-260302-9999", secret = "AAAAA-AAAAA" }, null),
        ["GET /api/reports/transparency"] = Get("/api/reports/transparency?month=2026-03", null),
        ["GET /health/live"] = Get("/health/live", null),
        ["GET /health/ready"] = Get("/health/ready", null),
        ["GET /openapi/{documentName}.json"] = Get("/openapi/v1.json", null),
        ["GET /api-docs/{documentName?}"] = Get("/api-docs/", null),
        ["GET /api-docs/scalar.js"] = Get("/api-docs/scalar.js", null),
        ["GET /api-docs/scalar.aspnetcore.js"] = Get("/api-docs/scalar.aspnetcore.js", null),
        ["GET /api-docs/favicon.svg"] = Get("/api-docs/favicon.svg", null),

        // Submitting with a token: the desk or the post office (postal channel, so no token is 401).
        ["POST /api/dossiers"] = Post("/api/dossiers", new
        {
            procedureCode = "NO.SUCH.CODE",
            channel = "Postal",
            applicant = new { kind = "Citizen", name = "Nobody" },
        }, Desk),

        // Dossier commands.
        ["POST /api/dossiers/{id}/documents"] = new(HttpMethod.Post, Dossier("documents"), Scan, Processing),
        ["POST /api/dossiers/{id}/reception"] = Post(Dossier("reception"), new { version = 1 }, Desk),
        ["POST /api/dossiers/{id}/supplement-requests"] = Post(Dossier("supplement-requests"),
            new { version = 1, missing = new[] { "C01" }, reason = "Missing" }, Processing),
        ["POST /api/dossiers/{id}/supplements"] =
            Post(Dossier("supplements"), new { version = 1, components = new[] { "C01" } }, Desk),
        ["POST /api/dossiers/{id}/handovers"] =
            Post(Dossier("handovers"), new { version = 1, step = 1, unit = "MOTCUA" }, Processing),
        ["POST /api/dossiers/{id}/consultations"] = Post(Dossier("consultations"),
            new { version = 1, agency = "Bộ Tài chính", question = "Ý kiến?" }, HandlingUnit),
        ["POST /api/dossiers/{id}/consultations/{number}/reply"] =
            Post(Dossier("consultations/1/reply"), new { version = 1, reply = "Đồng ý" }, HandlingUnit),
        ["POST /api/dossiers/{id}/delays"] = Post(Dossier("delays"),
            new { version = 1, reason = "Late", newAppointment = "2026-04-01T10:00:00+07:00" }, HandlingUnit),
        ["POST /api/dossiers/{id}/decision"] =
            Post(Dossier("decision"), new { version = 1, outcome = "approved", reason = "ok" }, Head),
        ["POST /api/dossiers/{id}/result"] =
            Post(Dossier("result"), new { version = 1, documentSha256 = new string('a', 64) }, HandlingUnit),
        ["POST /api/dossiers/{id}/fees"] =
            Post(Dossier("fees"), new { version = 1, amount = 1000, receiptNumber = "BL-1" }, Processing),
        ["POST /api/dossiers/{id}/return"] = Post(Dossier("return"), new { version = 1, method = "counter" }, Desk),
        ["POST /api/dossiers/{id}/withdrawal"] = Post(Dossier("withdrawal"), new { version = 1, reason = "x" }, Desk),
        ["POST /api/dossiers/{id}/stop"] = Post(Dossier("stop"), new { version = 1, reason = "x" }, Head),
        ["POST /api/dossiers/{id}/corrections"] =
            Post(Dossier("corrections"), new { version = 1, corrects = 1, reason = "x" }, Head),

        // Reading dossiers: no personal data, so every officer role.
        ["GET /api/dossiers/{id}"] = Get(Dossier(""), AllRoles),
        ["GET /api/dossiers/{id}/timeline"] = Get(Dossier("timeline"), AllRoles),
        ["GET /api/dossiers/{id}/events"] = Get(Dossier("events"), [Inspector, Admin]),
        ["GET /api/worklist"] = Get("/api/worklist", [.. Processing, Supervisor]),

        // Personal data: recorded reads; never supervisors or administrators.
        ["GET /api/dossiers/{id}/applicant"] = Get(Dossier("applicant?reason=Inspection%2012"),
            [.. Processing, Inspector]),
        ["POST /api/dossiers/{id}/applicant/corrections"] = Post(Dossier("applicant/corrections"), new
        {
            reason = "Typo in the name",
            applicant = new { kind = "Citizen", name = "Nobody" },
        }, [Reception, Admin]),
        ["POST /api/dossiers/{id}/applicant/erasure"] =
            Post(Dossier("applicant/erasure"), new { reason = "Retention period over" }, [Reception, Admin]),

        // Oversight and integrity.
        ["GET /api/audit"] = Get("/api/audit?dossier=" + UnknownDossier, [Supervisor, Inspector, Admin]),
        ["GET /api/compliance"] = Get("/api/compliance", [UnitHead, Supervisor, Inspector, Admin]),
        ["GET /api/ledger/checkpoints/latest"] = Get("/api/ledger/checkpoints/latest", [Inspector, Admin]),
        ["GET /api/ledger/checkpoints"] = Get("/api/ledger/checkpoints", [Inspector, Admin]),
        ["GET /api/ledger/public-key"] = Get("/api/ledger/public-key", [Inspector, Admin]),
        ["GET /api/ledger/proofs/inclusion"] =
            Get("/api/ledger/proofs/inclusion?sequence=999999", [Inspector, Admin]),
        ["GET /api/ledger/proofs/consistency"] =
            Get("/api/ledger/proofs/consistency?from=999998&to=999999", [Inspector, Admin]),
        ["GET /api/ledger/bundles/{sequence}"] = Get("/api/ledger/bundles/999999", [Inspector, Admin]),
        ["POST /api/ledger/verification"] = Post("/api/ledger/verification", new { }, [Inspector, Admin]),

        // Vietnam Post: collecting postal dossiers, delivering results.
        ["POST /api/dossiers/{id}/postal/pickup"] =
            Post(Dossier("postal/pickup"), new { version = 1, postalItemNumber = "EE123456789VN" }, [Postal]),
        ["POST /api/dossiers/{id}/postal/handover"] = Post(Dossier("postal/handover"), new { version = 1 }, [Postal]),
        ["POST /api/dossiers/{id}/postal/result"] =
            Post(Dossier("postal/result"), new { version = 1, trackingNumber = "EE123456789VN" }, [Postal]),
        ["POST /api/dossiers/{id}/postal/delivery"] =
            Post(Dossier("postal/delivery"), new { version = 1, delivered = true }, [Postal]),

        // Operations: the national portal's reconciliation, and which node runs which agents.
        ["GET /api/portal/reconciliation"] = Get("/api/portal/reconciliation", [Supervisor, Admin]),
        ["GET /api/cluster/agents"] = Get("/api/cluster/agents", [Supervisor, Inspector, Admin]),
    };

    public static string Dossier(string rest) =>
        rest.Length == 0 ? $"/api/dossiers/{UnknownDossier}" : $"/api/dossiers/{UnknownDossier}/{rest}";

    private static EndpointCase Get(string url, string[]? allowed) => new(HttpMethod.Get, url, () => null, allowed);

    private static EndpointCase Post(string url, object body, string[]? allowed) =>
        new(HttpMethod.Post, url, () => Json(body), allowed);

    private static MultipartFormDataContent Scan()
    {
        var file = new ByteArrayContent("%PDF-1.4 scan"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent("1"), "version" },
            { new StringContent("C01"), "componentId" },
            { file, "file", "scan.pdf" },
        };
    }
}
