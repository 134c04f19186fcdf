using System.ComponentModel.DataAnnotations;
using OneStop.Dossiers;

namespace OneStop.Problems;

/// <summary>Field rules every command passes before a decision sees it (400 when broken).</summary>
public static class InputRules
{
    public static T Check<T>(T? command) where T : class
    {
        if (command is null)
            throw InvalidInput.Field("body", "A JSON object body is required.");

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(command, new ValidationContext(command), results, validateAllProperties: true);
        if (command is IVersioned { Version: < 1 })
            results.Add(new ValidationResult("The version must be the dossier version you last saw (1 or more).",
                ["version"]));

        if (results.Count > 0)
            throw new InvalidInput(results
                .SelectMany(r => r.MemberNames.DefaultIfEmpty("body").Select(m => (Member: Camel(m), r.ErrorMessage)))
                .GroupBy(e => e.Member)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "invalid").ToArray()));
        return command;
    }

    /// <summary>
    /// A date the working calendar can count with. Dates at the ends of <see cref="DateOnly"/> overflow the
    /// period and time-zone arithmetic (a 500 the fuzz test found), so only years 1900 to 2200 are taken.
    /// </summary>
    public static DateOnly Date(DateOnly value, string field) => value.Year is >= FirstYear and <= LastYear
        ? value
        : throw InvalidInput.Field(field, $"Give a date from {FirstYear} to {LastYear}.");

    /// <summary>An instant in the same range of years as <see cref="Date"/>, judged in UTC.</summary>
    public static DateTimeOffset? Instant(DateTimeOffset? value, string field) =>
        value is not { UtcDateTime.Year: < FirstYear or > LastYear }
            ? value
            : throw InvalidInput.Field(field, $"Give an instant from {FirstYear} to {LastYear}.");

    public const int FirstYear = 1900;
    public const int LastYear = 2200;

    public static string Camel(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
