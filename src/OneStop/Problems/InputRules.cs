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

    public static string Camel(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
