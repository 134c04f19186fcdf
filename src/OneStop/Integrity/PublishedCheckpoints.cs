namespace OneStop.Integrity;

/// <summary>
/// `checkpoints.jsonl` in the data folder: every checkpoint appended as one line, never rewritten, so it can
/// be copied off the machine. A ledger truncated later no longer contains what this file promised.
/// </summary>
public sealed class PublishedCheckpoints(string dataDirectory)
{
    public const string FileName = "checkpoints.jsonl";

    private readonly Lock gate = new();

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FileName);

    /// <summary>Appends the checkpoints larger than the last one published (a restart catches up).</summary>
    public void Append(IEnumerable<Checkpoint> checkpoints)
    {
        lock (gate)
        {
            var known = CheckpointFile.Read(Path).Select(c => c.Size).DefaultIfEmpty(0).Max();
            var lines = checkpoints.Where(c => c.Size > known).OrderBy(c => c.Size).Select(CheckpointFile.Line);
            File.AppendAllText(Path, string.Concat(lines));
        }
    }

    public IReadOnlyList<Checkpoint> ReadAll()
    {
        lock (gate)
            return CheckpointFile.Read(Path);
    }
}
