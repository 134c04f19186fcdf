namespace OneStop.Catalogue;

/// <summary>A unit that handles procedures; officers' tokens carry its code.</summary>
public sealed record HandlingUnit(string Code, string NameVi, string NameEn);
