namespace OneStop.Catalogue;

/// <summary>Rejects a catalogue the ledger could not rely on, naming the first problem.</summary>
internal static class CatalogueValidation
{
    public static void ThrowIfInvalid(CatalogueFile file)
    {
        var units = file.Units.Select(u => u.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (units.Count != file.Units.Count)
            throw Invalid("unit codes repeat");

        var versions = new HashSet<(string, int)>();
        foreach (var p in file.Procedures)
        {
            if (!versions.Add((p.Id.ToUpperInvariant(), p.Version)) || p.Version < 1)
                throw Invalid($"{p.Id} version {p.Version} repeats or is below 1");
            if (p.Steps.Count == 0)
                throw Invalid($"{p.Id} has no steps");
            if (p.Steps.Select(s => s.Unit).Append(p.Unit).FirstOrDefault(u => !units.Contains(u))
                is { } unknown)
                throw Invalid($"{p.Id} refers to unknown unit {unknown}");
            if (p.Components.DistinctBy(c => c.Id.ToUpperInvariant()).Count() != p.Components.Count)
                throw Invalid($"{p.Id} repeats a component id");
            if (p.Steps.DistinctBy(s => s.Id.ToUpperInvariant()).Count() != p.Steps.Count)
                throw Invalid($"{p.Id} repeats a step id");
        }
    }

    private static InvalidDataException Invalid(string problem) =>
        new($"The procedure catalogue is invalid: {problem}.");
}
