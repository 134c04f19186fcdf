using System.Globalization;
using OneStop.Chaos;

// Reliability runs against the built service. Each prints its checks and a final "VERDICT <run>: PASS|FAIL"
// line, and exits 0 only when every check passed.
//   crash      [--kills 10] [--seconds 120] [--clients 6] [--seed 9]
//   db-restart [--outages 3] [--down 5] [--seconds 60] [--clients 6]
//   nodes      [--nodes 3] [--submissions 300] [--load 15]
//   soak       [--rounds 20] [--concurrency 100]
//   all        every run above with its defaults
// --keep keeps the run folder (service logs, commands.jsonl, the PostgreSQL cluster) for inspection.
var run = args.FirstOrDefault() ?? "help";
var keep = args.Contains("--keep");
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var verdicts = new List<Verdict>();
if (run is "crash" or "all")
    verdicts.Add(await CrashRun.RunAsync(new CrashOptions(Option("--kills", 10), Option("--seconds", 120),
        Option("--clients", 6), Option("--seed", 9), keep)));
if (run is "db-restart" or "all")
    verdicts.Add(await DatabaseRestartRun.RunAsync(new RestartOptions(Option("--outages", 3), Option("--down", 5),
        Option("--seconds", 60), Option("--clients", 6), keep)));
if (run is "nodes" or "all")
    verdicts.Add(await NodesRun.RunAsync(new NodesOptions(Option("--nodes", 3), Option("--submissions", 300),
        Option("--load", 15), Keep: keep)));
if (run is "soak" or "all")
    verdicts.Add(await SoakRun.RunAsync(new SoakOptions(Option("--rounds", 20), Option("--concurrency", 100), keep)));

if (verdicts.Count == 0)
{
    Console.Error.WriteLine("usage: OneStop.Chaos crash|db-restart|nodes|soak|all [options]; see Program.cs");
    return 2;
}

Console.WriteLine();
foreach (var verdict in verdicts)
    Console.WriteLine(verdict.Line);
return verdicts.All(v => v.Passed) ? 0 : 1;
