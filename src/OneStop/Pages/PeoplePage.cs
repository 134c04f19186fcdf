using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Problems;

namespace OneStop.Pages;

/// <summary>
/// What every page does with the domain's refusals: the same exceptions the API maps to problem details
/// become a message on the page, and a missing officer token sends the visitor to sign in.
/// </summary>
public abstract class PeoplePage : PageModel
{
    // LIMITATION: refusal messages are the domain's, in English, on both languages' pages.

    /// <summary>Why the last action was refused, in the domain's words.</summary>
    public string? Error { get; protected set; }

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; private set; } =
        new Dictionary<string, string[]>();

    /// <summary>Runs one query or command; refusals become <see cref="Error"/>, a missing token a sign-in.</summary>
    protected async Task<IActionResult> Attempt(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Unauthenticated)
        {
            return RedirectToPage("/SignIn", new { returnUrl = Request.Path.Value });
        }
        catch (Throttled throttled)
        {
            Error = throttled.Message;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(
                System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        catch (Exception e) when (e is NotAllowed or RuleViolation or Problems.NotFound or VersionConflict
                                       or InvalidInput)
        {
            Error = e.Message;
            if (e is InvalidInput invalid)
                FieldErrors = invalid.Errors;
            Response.StatusCode = e switch
            {
                NotAllowed => StatusCodes.Status403Forbidden,
                Problems.NotFound => StatusCodes.Status404NotFound,
                InvalidInput => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status409Conflict,
            };
            return Page();
        }
    }

    /// <summary>A form field, normalised to NFC and refused when it holds control characters.</summary>
    protected static string? Clean(string? value, string field) => value is null
        ? null
        : SafeStringConverter.Clean(value.Trim())
            ?? throw InvalidInput.Field(field, "This field holds characters that are not allowed.");
}
