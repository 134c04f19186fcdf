using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneStop.Integrity;

/// <summary>
/// The published checkpoint format: one JSON checkpoint per line (JSON Lines), appended and never rewritten,
/// read the same way by the service and by the offline verifier.
/// </summary>
public static class CheckpointFile
{
    /// <summary>camelCase; base64 `+` and `/` stay readable for shell tools (the file is never HTML).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Line(Checkpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Json) + "\n";

    /// <summary>Reads a published file; a line that is not a checkpoint is an error, not something to skip.</summary>
    public static IReadOnlyList<Checkpoint> Read(string path) =>
        !File.Exists(path)
            ? []
            : [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l))
                .Select(l => JsonSerializer.Deserialize<Checkpoint>(l, Json)
                    ?? throw new InvalidDataException($"{path} holds a line that is not a checkpoint."))];
}
