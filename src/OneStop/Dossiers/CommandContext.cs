using OneStop.Calendar;
using OneStop.Catalogue;

namespace OneStop.Dossiers;

/// <summary>Everything a pure decision may know besides the dossier: who acts, when, and the rules' data.</summary>
public sealed record CommandContext(
    Actor Actor,
    DateTimeOffset Now,
    WorkingCalendar Calendar,
    ProcedureCatalogue Catalogue,
    AgencySettings Agency)
{
    /// <summary>A unit of the catalogue, or the agency's one-stop desk.</summary>
    public bool IsKnownUnit(string unit) =>
        Catalogue.FindUnit(unit) is not null
        || string.Equals(unit, Agency.ReceptionUnit, StringComparison.OrdinalIgnoreCase);
}
