using System.Collections.Concurrent;
using System.Diagnostics;
using OneStop.Tests.Fixtures;
using Shouldly;
using static OneStop.Tests.Security.RawRequests;

namespace OneStop.Tests.Security;

/// <summary>
/// Issue 5's leak scan. A dossier goes from submission to returned result with recognisable fake personal
/// data; officers read it (recorded), correct it, track it and oversee it, and a few requests carry personal
/// data into a refusal. Then every log entry the service wrote, every trace span it emitted, every event row,
/// and every answer except the two recorded reads, which exist to show it, are searched for each piece of it.
/// The needles are ASCII because JSON answers escape Vietnamese letters (ạ becomes \u1EA1).
/// </summary>
public sealed class when_personal_data_goes_through_the_whole_lifecycle(LedgerApp app) : SecurityContext(app)
{
    private const string Name = "Phạm Quỳnh Leakcheckname";
    private const string IdentityNumber = "038199007777";
    private const string Phone = "0912345678";
    private const string Email = "leakcheck.pham@example.invalid";
    private const string Address = "17 Leakcheckaddress Lane, Hanoi";
    private const string CorrectedName = "Phạm Quỳnh Leakcheckcorrected";

    private static readonly string[] Needles =
        ["Leakcheckname", IdentityNumber, Phone, Email, "Leakcheckaddress", "Leakcheckcorrected"];

    private readonly List<(string What, string Text)> answers = [];

    [Fact]
    public async Task no_log_trace_event_or_non_personal_answer_holds_any_of_it()
    {
        var spans = new ConcurrentQueue<string>();
        using var listener = Spans(spans);

        var (id, receipt) = await A_returned_dossier_with_personal_data();
        var personal = await Personal_data_read_and_corrected(id);
        await Refusals_carrying_personal_data(id);
        await Tracked_overseen_and_verified(id, receipt);

        var leaks = new List<string>();
        foreach (var (what, text) in answers)
            Scan(leaks, what, text);
        foreach (var entry in App.Logs.Entries)
            Scan(leaks, $"log {entry.Category}", entry.ToString());
        foreach (var span in spans)
            Scan(leaks, "trace span", span);
        foreach (var row in await EventRows())
            Scan(leaks, "event row", row);

        personal.ShouldContain("Leakcheckname", customMessage: "the recorded read shows the data it exists to show");
        personal.ShouldContain("Leakcheckcorrected");
        answers.Count.ShouldBeGreaterThan(30);
        App.Logs.Entries.ShouldNotBeEmpty("the scan needs the service's logs to mean anything");
        leaks.ShouldBeEmpty();
    }

    private async Task<(Guid Id, string Receipt)> A_returned_dossier_with_personal_data()
    {
        var all = AllRequiredComponents();
        var receipt = await Keep("submit", HttpMethod.Post, "/api/dossiers", Reception, new
        {
            procedureCode = ProcedureCode,
            channel = "Counter",
            applicant = new
            {
                kind = "Citizen",
                name = Name,
                identityNumber = IdentityNumber,
                phone = Phone,
                email = Email,
                address = Address,
            },
            components = all[..^1],
        });
        var id = Guid.Parse(Field(receipt, "id"));
        var v = 1;
        v = await Step(id, "supplement-requests", Reception,
            new { version = v, missing = all[^1..], reason = "Thiếu thành phần" });
        v = await Step(id, "supplements", Reception, new { version = v, components = all[^1..] });
        v = await Step(id, "reception", Reception, new { version = v });
        v = await Step(id, "handovers", Reception, new { version = v, step = 1, unit = HandlingUnit });
        v = await Step(id, "consultations", Handler,
            new { version = v, agency = "Bộ Tài chính", question = "Ý kiến về hồ sơ?" });
        v = await Step(id, "consultations/1/reply", Handler, new { version = v, reply = "Đồng ý" });
        v = await Step(id, "decision", UnitHead,
            new { version = v, outcome = "approved", reason = "Đủ điều kiện" });
        v = await Step(id, "result", UnitHead, new { version = v, documentSha256 = new string('b', 64) });
        if (Procedure.FeeVnd is > 0)
            v = await Step(id, "fees", Reception,
                new { version = v, amount = Procedure.FeeVnd, receiptNumber = "BL-9" });
        await Step(id, "return", Reception, new { version = v, method = "counter", applicantNotified = true });
        return (id, receipt);
    }

    private async Task<string> Personal_data_read_and_corrected(Guid id)
    {
        // The two reads exist to show personal data: they are recorded, and not scanned. The correction's
        // answer names the changed fields only, so it is scanned.
        var why = Uri.EscapeDataString("Gọi điện");
        var read = await Host.Send(HttpMethod.Get, $"/api/dossiers/{id}/applicant?reason={why}", token: Reception);
        var corrected = await Host.Send(HttpMethod.Post, $"/api/dossiers/{id}/applicant/corrections", Json(new
        {
            reason = "Sai chính tả",
            applicant = new { kind = "Citizen", name = CorrectedName, identityNumber = IdentityNumber, email = Email },
        }), Reception);
        var reread = await Host.Send(HttpMethod.Get, $"/api/dossiers/{id}/applicant?reason=Thanh%20tra",
            token: Inspector);
        corrected.Status.ShouldBe(200, corrected.Body);
        answers.Add(("applicant correction", corrected.Body));
        return read.Body + reread.Body;
    }

    private async Task Refusals_carrying_personal_data(Guid id)
    {
        await Keep("bad email", HttpMethod.Post, "/api/dossiers", Reception, new
        {
            procedureCode = ProcedureCode,
            channel = "Counter",
            applicant = new { kind = "Citizen", name = Name, email = "Leakcheckname " + Phone },
        }, expected: 400);
        await Keep("bad identity number", HttpMethod.Post, "/api/dossiers", Reception, new
        {
            procedureCode = ProcedureCode,
            channel = "Counter",
            applicant = new { kind = "Citizen", name = Name + "\u0000", identityNumber = IdentityNumber + "-x" },
        }, expected: 400);
        await Keep("bad correction", HttpMethod.Post, $"/api/dossiers/{id}/applicant/corrections", Reception,
            new { reason = "x", applicant = new { kind = "Citizen", name = Name, phone = "call " + Phone } },
            expected: 400);
        await Keep("personal data in the code", HttpMethod.Post, "/api/track", null,
            new { code = IdentityNumber, secret = Phone }, expected: 404);
        await Keep("not allowed to read", HttpMethod.Get, $"/api/dossiers/{id}/applicant?reason=x", Supervisor,
            expected: 403);
    }

    private async Task Tracked_overseen_and_verified(Guid id, string receipt)
    {
        var track = new { code = Field(receipt, "code"), secret = Field(receipt, "lookupSecret") };
        await Keep("track", HttpMethod.Post, "/api/track", null, track);
        await Keep("access log", HttpMethod.Post, "/api/track/access-log", null, track);
        foreach (var path in new[] { "", "/timeline", "/events", "?version=2" })
            await Keep($"dossier{path}", HttpMethod.Get, $"/api/dossiers/{id}{path}", Inspector);
        await Keep("worklist", HttpMethod.Get, "/api/worklist", Supervisor);
        await Projected();
        await Keep("audit", HttpMethod.Get, $"/api/audit?dossier={id}", Inspector);
        await Keep("audit CSV", HttpMethod.Get, "/api/audit?format=csv", Inspector, accept: "text/csv");
        await Keep("compliance", HttpMethod.Get, "/api/compliance?from=2026-03-01&to=2026-03-31", Supervisor);
        await Keep("transparency", HttpMethod.Get, "/api/reports/transparency?month=2026-03", null);
        await Keep("transparency CSV", HttpMethod.Get, "/api/reports/transparency?month=2026-03", null,
            accept: "text/csv");
        await Keep("reports page", HttpMethod.Get, "/reports?month=2026-03", null);
        await Keep("verification", HttpMethod.Post, "/api/ledger/verification", Inspector, new { });
        await Keep("checkpoint", HttpMethod.Get, "/api/ledger/checkpoints/latest", Inspector, expected: null);
        await Keep("bundle", HttpMethod.Get, "/api/ledger/bundles/1", Inspector, expected: null);
        await Keep("portal", HttpMethod.Get, "/api/portal/reconciliation", Admin, expected: null);
    }

    private async Task<int> Step(Guid id, string path, string token, object body)
    {
        var answer = await Keep(path, HttpMethod.Post, $"/api/dossiers/{id}/{path}", token, body);
        return int.Parse(Field(answer, "version"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sends a request whose answer holds no personal data by design, and keeps it for the scan.</summary>
    private async Task<string> Keep(
        string what,
        HttpMethod method,
        string url,
        string? token,
        object? body = null,
        int? expected = 200,
        string? accept = null)
    {
        var content = body is null ? null : Json(body);
        var answer = accept is null
            ? await Host.Send(method, url, content, token)
            : await SendAccepting(url, token!, accept);
        if (expected is not null && answer.Status != expected && !(expected == 200 && answer.Status == 201))
            throw new InvalidOperationException($"{what}: {method} {url} answered {answer.Status}: {answer.Body}");
        answers.Add(($"{what} ({answer.Status})", answer.Body + string.Join('\n', answer.Headers.Values)));
        return answer.Body;
    }

    private async Task<RawAnswer> SendAccepting(string url, string? token, string accept)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            if (token is not null)
                s.WithBearerToken(token);
            s.StatusCodeShouldBe(200);
        });
        return new RawAnswer(200, result.Context.Response.ContentType, await result.ReadAsTextAsync(),
            new Dictionary<string, string>());
    }

    private async Task<IReadOnlyList<string>> EventRows()
    {
        await using var session = Store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>(
            "select data::text || ' ' || coalesce(headers::text, '') from onestop.mt_events", CancellationToken.None);
    }

    private static void Scan(List<string> leaks, string where, string text)
    {
        foreach (var needle in Needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            leaks.Add($"{where} holds '{needle}': {text[..Math.Min(text.Length, 400)]}");
    }

    private static string Field(string json, string name) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty(name).ToString();

    /// <summary>Every span any activity source in the process stops, with its tags and events.</summary>
    private static ActivityListener Spans(ConcurrentQueue<string> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(string.Join(' ', [a.Source.Name, a.DisplayName,
                .. a.TagObjects.Select(t => $"{t.Key}={t.Value}"),
                .. a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")),
                .. a.Baggage.Select(b => $"{b.Key}={b.Value}")])),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
