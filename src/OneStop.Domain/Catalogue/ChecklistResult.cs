namespace OneStop.Catalogue;

/// <summary>A dossier's components checked against its procedure's component list.</summary>
/// <param name="Provided">The procedure's components that the provided entries matched.</param>
/// <param name="Missing">Required components that nothing provided matched.</param>
/// <param name="Unknown">Provided entries that match no component of the procedure.</param>
public sealed record ChecklistResult(
    IReadOnlyList<ProcedureComponent> Provided,
    IReadOnlyList<ProcedureComponent> Missing,
    IReadOnlyList<string> Unknown)
{
    /// <summary>Every required component is provided; unknown entries do not count.</summary>
    public bool Complete => Missing.Count == 0;

    internal static ChecklistResult Of(Procedure procedure, IEnumerable<string> provided)
    {
        var matched = new HashSet<ProcedureComponent>();
        var unknown = new List<string>();
        foreach (var entry in provided)
        {
            var component = Match(procedure, entry);
            if (component is null)
                unknown.Add(entry);
            else
                matched.Add(component);
        }

        return new ChecklistResult(
            [.. procedure.Components.Where(matched.Contains)],
            [.. procedure.Components.Where(c => c.Required && !matched.Contains(c))],
            unknown);
    }

    private static ProcedureComponent? Match(Procedure procedure, string entry)
    {
        var trimmed = entry.Trim();
        var folded = VietnameseText.Fold(entry);
        return procedure.Components.FirstOrDefault(c =>
            string.Equals(c.Id, trimmed, StringComparison.OrdinalIgnoreCase)
            || VietnameseText.Fold(c.NameVi) == folded
            || VietnameseText.Fold(c.NameEn) == folded);
    }
}
