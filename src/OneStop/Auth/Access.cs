using Microsoft.AspNetCore.Authorization;
using OneStop.Dossiers;
using OneStop.Problems;

namespace OneStop.Auth;

/// <summary>
/// Who may call what: every officer endpoint names one of these policies with <c>[Authorize(Policy = …)]</c>,
/// so the whole policy reads here and the authorization middleware refuses before a body is read or a
/// dossier loaded (no token 401, wrong role 403). Decisions still apply the rules that depend on the dossier
/// (rule 7's holding unit, which desk role may act in which status). The role matrix test checks every
/// endpoint against every role.
/// </summary>
public static class Access
{
    /// <summary>Dossier view, timeline and events: no personal data, so every officer role.</summary>
    public const string AnyOfficer = "any-officer";

    /// <summary>The one-stop desk and the post office: receive, supplements, withdrawal, return.</summary>
    public const string Desk = "desk";

    /// <summary>Officers of a handling unit: consultations, apologies, issuing results.</summary>
    public const string HandlingUnit = "handling-unit";

    /// <summary>Only a unit head decides, stops processing and approves corrections.</summary>
    public const string UnitHead = "unit-head";

    /// <summary>Everyone who processes dossiers: hand-overs, fees, scanned documents, supplement requests.</summary>
    public const string Processing = "processing";

    /// <summary>Dossiers to act on: the people who act, and their supervisors.</summary>
    public const string Worklist = "worklist";

    /// <summary>Deadline compliance dashboards.</summary>
    public const string Compliance = "compliance";

    /// <summary>The audit log (metadata only).</summary>
    public const string Audit = "audit";

    /// <summary>Checkpoints, proofs and verification.</summary>
    public const string Integrity = "integrity";

    /// <summary>The applicant's personal data; every read is recorded, inspectors give a reason.</summary>
    public const string PersonalData = "personal-data";

    /// <summary>Correcting and erasing an applicant record, with a reason.</summary>
    public const string ApplicantRecords = "applicant-records";

    /// <summary>Vietnam Post's officers: collecting postal dossiers and delivering results.</summary>
    public const string Post = "post";

    /// <summary>The national portal's reconciliation report.</summary>
    public const string Portal = "portal";

    /// <summary>Which node runs which agents (operations view, no dossier data).</summary>
    public const string Operations = "operations";

    /// <summary>Who may submit with a token (any channel); kiosk and online applicants need none.</summary>
    public static readonly string[] Submitters = [Roles.Reception, Roles.Postal];

    public static readonly IReadOnlyDictionary<string, string[]> Policies = new Dictionary<string, string[]>
    {
        [AnyOfficer] = [.. Roles.All],
        [Desk] = [Roles.Reception, Roles.Postal],
        [HandlingUnit] = [Roles.Handler, Roles.UnitHead],
        [UnitHead] = [Roles.UnitHead],
        [Processing] = [Roles.Reception, Roles.Handler, Roles.UnitHead, Roles.Postal],
        [Worklist] = [Roles.Reception, Roles.Handler, Roles.UnitHead, Roles.Postal, Roles.Supervisor],
        [Compliance] = [Roles.UnitHead, Roles.Supervisor, Roles.Inspector, Roles.Admin],
        [Audit] = [Roles.Supervisor, Roles.Inspector, Roles.Admin],
        [Integrity] = [Roles.Inspector, Roles.Admin],
        // Postal staff enter postal dossiers and deliver results to the applicant's address.
        [PersonalData] = [Roles.Reception, Roles.Handler, Roles.UnitHead, Roles.Postal, Roles.Inspector],
        [ApplicantRecords] = [Roles.Reception, Roles.Admin],
        [Post] = [Roles.Postal],
        [Portal] = [Roles.Supervisor, Roles.Admin],
        [Operations] = [Roles.Supervisor, Roles.Inspector, Roles.Admin],
    };

    /// <summary>
    /// The same policy checked in code, for callers that reach an endpoint's method without its route (the
    /// web pages): 401 without an officer, 403 for a role the policy does not name.
    /// </summary>
    public static Actor Demand(HttpContext http, string policy)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            throw new Unauthenticated("This needs an officer's bearer token.");
        var actor = http.User.ToActor();
        actor.RequireRole(Policies[policy]);
        return actor;
    }

    public static void AddOfficerPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in Policies)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(OfficerClaims.Officer)
                .RequireClaim(OfficerClaims.Unit)
                .RequireClaim(OfficerClaims.Role, roles));
        }
    }
}
