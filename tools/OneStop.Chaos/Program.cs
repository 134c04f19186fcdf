using System.Globalization;

namespace OneStop.Chaos;

// Reliability runs against the built service. Each prints its checks and a final "VERDICT <run>: PASS|FAIL"
// line, and exits 0 only when every check passed.
//   crash      [--kills 10] [--seconds 120] [--clients 6] [--seed 9]
//   db-restart [--outages 3] [--down 5] [--seconds 60] [--clients 6]
//   nodes      [--nodes 3] [--submissions 300] [--load 15] [--clients 4]
//   soak       [--rounds 20] [--concurrency 100]
//   all        every run above with its defaults
// --keep keeps the run folder (service logs, commands.jsonl, the PostgreSQL cluster) for inspection.
public static class ChaosProgram
{
    public static async Task<int> Main(string[] args)
    {
        var run = args.FirstOrDefault() ?? "help";
        var keep = args.Contains("--keep");

        var verdicts = new List<Verdict>();
        int O(string name, int fallback) => Option(args, name, fallback);
        if (run is "crash" or "all")
            verdicts.Add(await Verdict.GuardAsync("crash", () => CrashRun.RunAsync(
                new CrashOptions(O("--kills", 10), O("--seconds", 120), O("--clients", 6), O("--seed", 9), keep))));
        if (run is "db-restart" or "all")
            verdicts.Add(await Verdict.GuardAsync("db-restart", () => DatabaseRestartRun.RunAsync(
                new RestartOptions(O("--outages", 3), O("--down", 5), O("--seconds", 60), O("--clients", 6), keep))));
        if (run is "nodes" or "all")
            verdicts.Add(await Verdict.GuardAsync("nodes", () => NodesRun.RunAsync(new NodesOptions(
                O("--nodes", 3), O("--submissions", 300), O("--load", 15), O("--clients", 4), Keep: keep))));
        if (run is "soak" or "all")
            verdicts.Add(await Verdict.GuardAsync("soak", () => SoakRun.RunAsync(
                new SoakOptions(O("--rounds", 20), O("--concurrency", 100), keep))));

        if (verdicts.Count == 0)
        {
            Console.Error.WriteLine("usage: OneStop.Chaos crash|db-restart|nodes|soak|all [options]; see Program.cs");
            return 2;
        }

        Console.WriteLine();
        foreach (var verdict in verdicts)
            Console.WriteLine(verdict.Line);
        return verdicts.All(v => v.Passed) ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
