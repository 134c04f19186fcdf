namespace OneStop.Catalogue;

/// <summary>The shape of procedures.json.</summary>
internal sealed record CatalogueFile(
    string About,
    string AgencyCode,
    IReadOnlyList<HandlingUnit> Units,
    IReadOnlyList<Procedure> Procedures);
