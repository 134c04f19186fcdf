using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.WebEncoders;

namespace OneStop.Pages;

/// <summary>
/// The web pages for people: server-rendered Razor Pages over the same query and command code as the API.
/// Officers sign in by pasting their token once; it lives in an HttpOnly, SameSite=Strict cookie that only
/// page routes read, so the JSON API keeps needing an explicit bearer header and cannot be driven across sites.
/// </summary>
public static class PagesSetup
{
    public static void AddPeoplePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Wording>();
        // Vietnamese letters go out as themselves, not as numeric entities (HTML-special characters still are).
        builder.Services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var given = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await given(context);
                if (string.IsNullOrEmpty(context.Token) && OfficerCookie.AppliesTo(context.Request.Path))
                    context.Token = OfficerCookie.Read(context.Request);
            };
        });
    }

    public static void UsePeoplePages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.Use(async (http, next) =>
        {
            Wording.RememberChoice(http);
            await next(http);
        });
        app.MapRazorPages();
    }
}
