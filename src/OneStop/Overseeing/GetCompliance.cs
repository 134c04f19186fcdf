using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Projections.Oversight;
using Wolverine.Http;

namespace OneStop.Overseeing;

/// <summary>The whole period, then one row per month, unit, procedure and officer with anything to count.</summary>
public sealed record ComplianceReport(
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    ComplianceRow Total,
    IReadOnlyList<ComplianceRow> Rows);

public static class GetComplianceEndpoint
{
    public const string Unassigned = "(unassigned)";

    [WolverineGet("/api/compliance")]
    [Authorize(Policy = Access.Compliance)]
    public static async Task<ComplianceReport> Get(
        FactsCache facts,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        DateOnly? from,
        DateOnly? to,
        string? unit,
        string? procedure,
        string? officer)
    {
        Access.Demand(http, Access.Compliance);
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var first = from ?? new DateOnly(today.Year, today.Month, 1);
        var last = to ?? today;
        var period = ReportingPeriod.Days(calendar, first, last);

        var dossiers = await facts.InAsync(period, http.RequestAborted);
        var chosen = dossiers.Where(f => Matches(f.HandlingUnit, unit) && Matches(f.ProcedureCode, procedure)
            && Matches(OfficerOf(f), officer)).ToList();

        // Each dossier is judged once per month (and once for the whole period); its share is then summed into its
        // group's row and the total.
        var groups = chosen.Select((f, i) => (f, i))
            .GroupBy(x => (x.f.HandlingUnit, x.f.ProcedureCode, Officer: OfficerOf(x.f)), x => x.i)
            .OrderBy(g => g.Key)
            .ToList();
        var rows = new List<ComplianceRow>();
        DossierShare[]? whole = null;
        foreach (var month in period.Months(calendar))
        {
            var shares = ComplianceTally.Shares(chosen, month, now, calendar);
            if (month.Start == period.Start && month.End == period.End)
                whole = shares;
            rows.AddRange(groups
                .Select(g => ComplianceTally.Sum(month.Name, g.Select(i => shares[i]), calendar, g.Key.HandlingUnit,
                    g.Key.ProcedureCode, g.Key.Officer))
                .Where(row => !ComplianceTally.IsEmpty(row)));
        }

        var total = ComplianceTally.Sum(period.Name, whole ?? ComplianceTally.Shares(chosen, period, now, calendar),
            calendar, unit, procedure, officer);
        return new ComplianceReport(first, last, period.AsOf(now), total, rows);
    }

    /// <summary>A dossier counts for the officer who holds it last (at finishing, or now).</summary>
    public static string OfficerOf(DossierFacts f) => f.HoldingOfficer ?? Unassigned;

    private static bool Matches(string value, string? wanted) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(value, wanted.Trim(), StringComparison.OrdinalIgnoreCase);
}
