namespace OneStop.Auth;

/// <summary>The officer roles a token may carry (API.md).</summary>
public static class Roles
{
    public const string Reception = "reception";
    public const string Handler = "handler";
    public const string UnitHead = "unit-head";
    public const string Postal = "postal";
    public const string Supervisor = "supervisor";
    public const string Inspector = "inspector";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        Reception, Handler, UnitHead, Postal, Supervisor, Inspector, Admin,
    };
}
