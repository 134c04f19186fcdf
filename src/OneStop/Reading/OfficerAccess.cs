using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;

namespace OneStop.Reading;

/// <summary>Who may read officer views.</summary>
public static class OfficerAccess
{
    public static Actor RequireOfficer(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
            throw new Unauthenticated("Reading dossiers needs an officer's bearer token.");
        return http.User.ToActor();
    }
}
