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

        var rows = period.Months(calendar)
            .SelectMany(month => chosen
                .GroupBy(f => (f.HandlingUnit, f.ProcedureCode, Officer: OfficerOf(f)))
                .OrderBy(g => g.Key)
                .Select(g => ComplianceTally.Count(g, month, now, calendar, g.Key.HandlingUnit,
                    g.Key.ProcedureCode, g.Key.Officer)))
            .Where(row => !ComplianceTally.IsEmpty(row))
            .ToList();
        var total = ComplianceTally.Count(chosen, period, now, calendar, unit, procedure, officer);
        return new ComplianceReport(first, last, period.AsOf(now), total, rows);
    }

    /// <summary>A dossier counts for the officer who holds it last (at finishing, or now).</summary>
    public static string OfficerOf(DossierFacts f) => f.HoldingOfficer ?? Unassigned;

    private static bool Matches(string value, string? wanted) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(value, wanted.Trim(), StringComparison.OrdinalIgnoreCase);
}
