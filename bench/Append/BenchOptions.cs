using System.Globalization;

namespace OneStop.Bench.Append;

/// <summary>What to measure: how many events, by how many concurrent writers, in how many rounds.</summary>
public sealed record BenchOptions(string? ConnectionString, int Events, int Writers, int PerCommit, int Rounds)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(null, 10_000, 8, 5, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--connection" => options with { ConnectionString = args[i + 1] },
                "--events" => options with { Events = Number(args[i + 1]) },
                "--writers" => options with { Writers = Number(args[i + 1]) },
                "--per-commit" => options with { PerCommit = Number(args[i + 1]) },
                "--rounds" => options with { Rounds = Number(args[i + 1]) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --connection, --events, --writers, --per-commit, --rounds."),
            };
        }

        return options;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
