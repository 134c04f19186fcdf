using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Applicants;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Integrations.Idempotency;
using OneStop.Problems;
using OneStop.Submitting;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OneStop.Pages;

/// <summary>
/// The self-service kiosk: find a procedure, tick the documents at hand, submit through the same code as
/// <c>POST /api/dossiers</c>, and print the receipt. The receipt is the answer to the POST itself, so the
/// secret never travels in an address; the form's submission key makes a reload or a double click show the
/// first receipt again instead of submitting a second dossier (the API's Idempotency-Key, kept the same way).
/// </summary>
public sealed class KioskModel(
    ProcedureCatalogue catalogue,
    WorkingCalendar calendar,
    TimeProvider clock,
    IDocumentSession session,
    DossierCommandRunner runner,
    IOptions<HttpJsonOptions> json) : PeoplePage
{
    /// <summary>One random key per filled-in form; a second POST of the same form finds the first receipt.</summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public List<string> Have { get; set; } = [];

    [BindProperty]
    public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdentityNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<Procedure> Found { get; private set; } = [];
    public Procedure? Procedure { get; private set; }
    public AppointmentResult? Promise { get; private set; }
    public ChecklistResult? Checklist { get; private set; }
    public DossierReceipt? Receipt { get; private set; }

    public IActionResult OnGet()
    {
        SubmissionKey = NewSubmissionKey();
        return Load();
    }

    public IActionResult OnPostCheck()
    {
        SubmissionKey ??= NewSubmissionKey();
        var result = Load();
        if (Procedure is not null)
            Checklist = catalogue.Check(Procedure, Have);
        return result;
    }

    public Task<IActionResult> OnPostSubmitAsync() => Attempt(async () =>
    {
        Load();
        if (Procedure is null)
            throw new NotFound($"No procedure has the code '{Code}'.");
        Checklist = catalogue.Check(Procedure, Have);
        var applicant = InputRules.Check(new ApplicantDetails(Kind, Clean(Name, "name") ?? "",
            Blank(Clean(IdentityNumber, "identityNumber")), Blank(Clean(Phone, "phone")),
            Blank(Clean(Email, "email"))));
        var command = InputRules.Check(new SubmitDossier(Procedure.Id, Channel.Kiosk, applicant, Have));
        var claim = ClaimFor(command);
        if (await session.LoadAsync<IdempotentAnswer>(claim.Id, HttpContext.RequestAborted) is { } first)
        {
            Receipt = FirstReceipt(claim, first);
            return Page();
        }

        var origin = runner.OriginOf(HttpContext, SubmitDossierEndpoint.SubmitterOf(HttpContext, Channel.Kiosk),
            nameof(Channel.Kiosk));
        // The idempotency recorder stores the sealed receipt in the submission's own transaction.
        HttpContext.Items[IdempotencyClaim.ItemKey] = claim;
        Receipt = await SubmitDossierEndpoint.SubmitAsync(session, runner, origin, command,
            HttpContext.RequestAborted);
        return Page();
    });

    /// <summary>The address the receipt's QR code opens: the tracking page with the code, never the secret.</summary>
    public string TrackingAddress(string code) =>
        $"{Request.Scheme}://{Request.Host}/track?code={Uri.EscapeDataString(code)}";

    private PageResult Load()
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Procedure = catalogue.Find(Code.Trim());
            if (Procedure?.TimeLimit is { } limit)
                Promise = calendar.Schedule(clock.GetUtcNow(), limit);
        }
        else if (Search is { Length: > 0 and <= 200 })
        {
            Found = catalogue.Search(Search, null);
        }

        return Page();
    }

    private IdempotencyClaim ClaimFor(SubmitDossier command)
    {
        var key = SubmissionKey is { Length: >= 16 and <= 64 } k && k.All(char.IsAsciiLetterOrDigit)
            ? k
            : throw InvalidInput.Field("submissionKey", "Open the kiosk form again to submit.");
        var form = JsonSerializer.SerializeToUtf8Bytes(command, json.Value.SerializerOptions);
        var claim = IdempotencyClaim.For("kiosk", key, "");
        // Keyed by the form's own secret: the stored fingerprint cannot be tested against guessed personal data.
        return claim with { Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(claim.SealKey, form)) };
    }

    private DossierReceipt FirstReceipt(IdempotencyClaim claim, IdempotentAnswer first)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(first.Fingerprint),
                Encoding.ASCII.GetBytes(claim.Fingerprint)))
            throw new RuleViolation("kiosk-form-submitted",
                "This form was already submitted with other details; start a new submission for another dossier.");
        return JsonSerializer.Deserialize<DossierReceipt>(claim.Open(first), json.Value.SerializerOptions)
            ?? throw new InvalidOperationException("A stored kiosk receipt could not be read.");
    }

    private static string NewSubmissionKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
