namespace OneStop.Chaos;

/// <summary>The checks of one run: each a property that must hold, with what was measured.</summary>
public sealed class Verdict(string run)
{
    private readonly List<(string Check, bool Passed, string Detail)> checks = [];

    public string Run => run;
    public bool Passed => checks.Count > 0 && checks.All(c => c.Passed);
    public IReadOnlyList<(string Check, bool Passed, string Detail)> Checks => checks;
    public List<string> Notes { get; } = [];

    public bool Check(string check, bool passed, string detail)
    {
        checks.Add((check, passed, detail));
        Console.WriteLine($"  [{(passed ? "PASS" : "FAIL")}] {check}: {detail}");
        return passed;
    }

    public void Note(string note)
    {
        Notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    /// <summary>
    /// Runs one run to its verdict: a run that throws (a node never became ready, the cluster would not start)
    /// ends as a failed verdict that says why, so a script still gets its VERDICT line.
    /// </summary>
    public static async Task<Verdict> GuardAsync(string run, Func<Task<Verdict>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(e.ToString());
            var verdict = new Verdict(run);
            verdict.Check("the run completed", false, $"{e.GetType().Name}: {e.Message}");
            Console.WriteLine(verdict.Line);
            return verdict;
        }
    }

    /// <summary>The last line a script greps for.</summary>
    public string Line => $"VERDICT {run}: {(Passed ? "PASS" : "FAIL")} " +
        $"({checks.Count(c => c.Passed)}/{checks.Count} checks)" +
        (Passed ? "" : " failed: " + string.Join("; ", checks.Where(c => !c.Passed).Select(c => c.Check)));

    public override string ToString() =>
        string.Join('\n', checks.Select(c => $"[{(c.Passed ? "PASS" : "FAIL")}] {c.Check}: {c.Detail}")
            .Concat(Notes.Select(n => "note: " + n)).Append(Line));
}
