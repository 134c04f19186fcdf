using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OneStop.Pages;

/// <summary>
/// Officers paste the token the <c>token</c> command printed. It is checked with the API's own validation
/// parameters before it is kept in the cookie, so a bad token is refused here rather than on the next page.
/// </summary>
public sealed class SignInModel(IOptionsMonitor<JwtBearerOptions> bearer) : PeoplePage
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var options = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var token = Token?.Trim() ?? "";
        var checkedToken = token.Length is > 0 and < 8192
            ? await new JsonWebTokenHandler().ValidateTokenAsync(token, options.TokenValidationParameters)
            : null;
        if (checkedToken is not { IsValid: true } || checkedToken.SecurityToken is not JsonWebToken jwt)
        {
            Error = "invalid";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        OfficerCookie.Write(Response, token, jwt.ValidTo);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/worklist");
    }

    public IActionResult OnPostSignOut()
    {
        OfficerCookie.Clear(Response);
        return LocalRedirect("/");
    }
}
