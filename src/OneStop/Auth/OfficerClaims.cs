using System.Security.Claims;
using OneStop.Dossiers;
using OneStop.Problems;

namespace OneStop.Auth;

/// <summary>The claims an officer token carries, and the actor they describe.</summary>
public static class OfficerClaims
{
    public const string Officer = "sub";
    public const string Role = "role";
    public const string Unit = "unit";
    public const string OnBehalfOf = "obo";

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var officer = user.FindFirstValue(Officer);
        var role = user.FindFirstValue(Role);
        var unit = user.FindFirstValue(Unit);
        if (officer is null || role is null || unit is null || !Roles.All.Contains(role))
            throw new NotAllowed("The token does not name an officer, a known role and a unit.");
        return new Actor(officer, role, unit, user.FindFirstValue(OnBehalfOf));
    }

    public static void RequireRole(this Actor actor, params string[] roles)
    {
        if (!roles.Contains(actor.Role))
            throw new NotAllowed($"The role '{actor.Role}' may not do this; it needs: {string.Join(", ", roles)}.");
    }
}
