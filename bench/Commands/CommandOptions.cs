using System.Globalization;

namespace OneStop.Bench.Commands;

/// <summary>Client counts, how long each load runs, and where to find the service's build.</summary>
public sealed record CommandOptions(IReadOnlyList<int> Clients, int Seconds, int Repeats)
{
    public static CommandOptions Parse(string[] args)
    {
        var options = new CommandOptions([1, 8, 32], 20, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--clients" => options with { Clients = [.. args[i + 1].Split(',').Select(Number)] },
                "--seconds" => options with { Seconds = Number(args[i + 1]) },
                "--repeats" => options with { Repeats = Number(args[i + 1]) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --clients 1,8,32 --seconds 20 --repeats 3."),
            };
        }

        return options;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
