using OneStop.Problems;

namespace OneStop.Integrity;

/// <summary>Checks of the integrity endpoints' query values (who may call them: Access.Integrity).</summary>
public static class InspectorAccess
{
    public static long Positive(long? value, string name) =>
        value is > 0 ? value.Value : throw InvalidInput.Field(name, $"The {name} must be a whole number of 1 or more.");
}
