using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Problems;

/// <summary>
/// Every instant read from a request lies in the years the working calendar can count with
/// (<see cref="InputRules.FirstYear"/> to <see cref="InputRules.LastYear"/>): an apology dated 9999-12-31
/// overflowed the calendar's arithmetic into a 500. Refusal is a JsonException, so a 400 problem.
/// </summary>
public sealed class BoundedInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            throw new JsonException("Expected an ISO 8601 instant with its offset.");
        return value.UtcDateTime.Year is >= InputRules.FirstYear and <= InputRules.LastYear
            ? value
            : throw new JsonException($"Give an instant from {InputRules.FirstYear} to {InputRules.LastYear}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
