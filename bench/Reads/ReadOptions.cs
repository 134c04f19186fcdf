using System.Globalization;

namespace OneStop.Bench.Reads;

/// <summary>
/// How many dossiers to load, from how many imported templates, and the read load to drive; or, with a hold,
/// how long to keep the loaded service up for profiling instead of driving it.
/// </summary>
public sealed record ReadOptions(int Dossiers, int Templates, int Rate, int Seconds, int Repeats, int HoldMinutes = 0)
{
    public static ReadOptions Parse(string[] args)
    {
        var options = new ReadOptions(100_000, 2_000, 50, 30, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--dossiers" => options with { Dossiers = Number(args[i + 1]) },
                "--templates" => options with { Templates = Number(args[i + 1]) },
                "--rate" => options with { Rate = Number(args[i + 1]) },
                "--seconds" => options with { Seconds = Number(args[i + 1]) },
                "--repeats" => options with { Repeats = Number(args[i + 1]) },
                "--hold" => options with { HoldMinutes = Number(args[i + 1]) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --dossiers 100000 " +
                    "--templates 2000 --rate 50 --seconds 30 --repeats 3 --hold 0."),
            };
        }

        return options with { Templates = Math.Min(options.Templates, options.Dossiers) };
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
