using JasperFx.CommandLine;

namespace OneStop.Auth;

/// <summary>Flags of the `token` command.</summary>
public sealed class TokenInput : NetCoreInput
{
    [Description("Officer identifier (the token's subject)")]
    [FlagAlias("officer", 'o')]
    public string OfficerFlag { get; set; } = "";

    [Description("Role: reception, handler, unit-head, postal, supervisor, inspector or admin")]
    [FlagAlias("role", 'r')]
    public string RoleFlag { get; set; } = "";

    [Description("Unit code, e.g. MOTCUA for the one-stop desk or a handling unit such as CATBXHN")]
    [FlagAlias("unit", 'u')]
    public string UnitFlag { get; set; } = "";

    [Description("Optional: whom the officer acts on behalf of")]
    [FlagAlias("on-behalf-of")]
    public string? OnBehalfOfFlag { get; set; }

    [Description("Lifetime in hours (default 12)")]
    [FlagAlias("hours")]
    public int HoursFlag { get; set; } = 12;
}

/// <summary>Prints an officer token signed with the locally configured key, for development and tests.</summary>
[Description("Print an officer bearer token signed with this service's key", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public TokenCommand()
    {
        Usage("Issue a token").Arguments().ValidFlags(
            x => x.OfficerFlag, x => x.RoleFlag, x => x.UnitFlag, x => x.OnBehalfOfFlag!, x => x.HoursFlag);
    }

    public override bool Execute(TokenInput input)
    {
        if (string.IsNullOrWhiteSpace(input.OfficerFlag) || string.IsNullOrWhiteSpace(input.UnitFlag)
            || !Roles.All.Contains(input.RoleFlag) || input.HoursFlag is < 1 or > 24 * 30)
        {
            Console.Error.WriteLine(
                "Usage: token --officer ID --role ROLE --unit UNIT [--on-behalf-of WHO] [--hours 12]; roles: " +
                string.Join(", ", Roles.All.Order()));
            return false;
        }

        using var host = input.BuildHost();
        var issuer = host.Services.GetRequiredService<TokenIssuer>();
        Console.WriteLine(issuer.Issue(input.OfficerFlag, input.RoleFlag, input.UnitFlag, input.OnBehalfOfFlag,
            TimeSpan.FromHours(input.HoursFlag)));
        return true;
    }
}
