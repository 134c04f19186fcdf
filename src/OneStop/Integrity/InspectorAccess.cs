using OneStop.Auth;
using OneStop.Problems;
using OneStop.Reading;

namespace OneStop.Integrity;

/// <summary>Who may read integrity proofs and run verification: inspectors and administrators.</summary>
public static class InspectorAccess
{
    public static void Require(HttpContext http) =>
        OfficerAccess.RequireOfficer(http).RequireRole(Roles.Inspector, Roles.Admin);

    public static long Positive(long? value, string name) =>
        value is > 0 ? value.Value : throw InvalidInput.Field(name, $"The {name} must be a whole number of 1 or more.");
}
