using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Problems;

/// <summary>
/// Every string read from a request is normalised to NFC, and refused when it holds NUL, other control
/// characters (tab and line breaks excepted), lone surrogates or more than the global maximum length.
/// Refusal is a JsonException, which becomes a 400 problem before any handler runs.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public const int MaxLength = 4000;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("Expected a string.");

        var value = reader.GetString()!;
        return Clean(value) ?? throw new JsonException(
            $"Strings may not hold control characters or invalid Unicode, nor exceed {MaxLength} characters.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>The NFC form of a safe string, or null when it must be refused.</summary>
    public static string? Clean(string value)
    {
        if (value.Length > MaxLength)
            return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return null;
            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
                return null;
            if (char.IsLowSurrogate(c))
                return null;
        }

        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }
}
