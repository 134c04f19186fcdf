using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Catalogue;

/// <summary>The published procedures and handling units; immutable, safe to share.</summary>
public sealed class ProcedureCatalogue
{
    private const string ResourceName = "OneStop.Catalogue.procedures.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly FrozenDictionary<string, Procedure[]> versionsByCode;
    private readonly FrozenDictionary<string, HandlingUnit> unitsByCode;
    private readonly (Procedure Procedure, string Text, string Field)[] searchable;

    private ProcedureCatalogue(CatalogueFile file)
    {
        CatalogueValidation.ThrowIfInvalid(file);
        AgencyCode = file.AgencyCode;
        Units = [.. file.Units];
        unitsByCode = file.Units.ToFrozenDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        versionsByCode = file.Procedures
            .SelectMany(p => Codes(p).Select(code => (code, p)))
            .GroupBy(x => x.code, x => x.p, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(p => p.Version).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        Procedures = [.. file.Procedures
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.MaxBy(p => p.Version)!)];
        searchable = [.. Procedures.Select(p => (p, SearchText(p), VietnameseText.Fold(p.Field)))];
    }

    /// <summary>The receiving agency's identifier, the first part of every dossier code.</summary>
    public string AgencyCode { get; }

    /// <summary>The current version of every procedure, in catalogue order.</summary>
    public IReadOnlyList<Procedure> Procedures { get; }

    /// <summary>Every handling unit.</summary>
    public IReadOnlyList<HandlingUnit> Units { get; }

    /// <summary>Loads the catalogue embedded in this assembly.</summary>
    public static ProcedureCatalogue Load()
    {
        var assembly = typeof(ProcedureCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }

    /// <summary>Loads a catalogue in the shape of the embedded procedures.json.</summary>
    public static ProcedureCatalogue Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The procedure catalogue is empty.");
        return new ProcedureCatalogue(file);
    }

    /// <summary>The current version of a procedure, by national code or local id.</summary>
    public Procedure? Find(string code) =>
        versionsByCode.TryGetValue(code.Trim(), out var versions) ? versions[^1] : null;

    /// <summary>The given version of a procedure, as a dossier received under it needs.</summary>
    public Procedure? Find(string code, int version) =>
        versionsByCode.TryGetValue(code.Trim(), out var versions)
            ? versions.FirstOrDefault(p => p.Version == version)
            : null;

    /// <summary>
    /// Current procedures whose names, code or field contain every word of
    /// <paramref name="search"/> and whose field contains <paramref name="field"/>, ignoring case
    /// and diacritics.
    /// </summary>
    public IReadOnlyList<Procedure> Search(string? search, string? field)
    {
        var words = VietnameseText.Words(search ?? "");
        var foldedField = VietnameseText.Fold(field ?? "");
        return
        [
            .. searchable
                .Where(s => s.Field.Contains(foldedField, StringComparison.Ordinal))
                .Where(s => words.All(w => s.Text.Contains(w, StringComparison.Ordinal)))
                .Select(s => s.Procedure),
        ];
    }

    /// <summary>A handling unit by its code (any case).</summary>
    public HandlingUnit? FindUnit(string code) =>
        unitsByCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// Checks provided components, each given by id (<c>C01</c>) or by name in Vietnamese or
    /// English (case and diacritics ignored), against the procedure's component list.
    /// </summary>
    public ChecklistResult Check(Procedure procedure, IEnumerable<string> provided) =>
        ChecklistResult.Of(procedure, provided);

    private static IEnumerable<string> Codes(Procedure p) =>
        p.NationalCode is null || p.NationalCode.Equals(p.Id, StringComparison.OrdinalIgnoreCase)
            ? [p.Id]
            : [p.Id, p.NationalCode];

    private static string SearchText(Procedure p) =>
        VietnameseText.Fold(string.Join(' ', p.Id, p.NationalCode, p.NameVi, p.NameEn, p.Field));
}
