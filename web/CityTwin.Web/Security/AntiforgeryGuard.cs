using Microsoft.AspNetCore.Antiforgery;

namespace CityTwin.Web.Security;

/// <summary>
/// A browser sends its session cookie with any request, including one another site makes it send:
/// every change made with the cookie must also carry the anti-forgery token the page read from
/// <c>/api/account/me</c> (header <see cref="HeaderName"/>). Requests with an API token carry no
/// cookie and need none; signing in needs none (there is no session yet to abuse).
/// </summary>
public sealed class AntiforgeryGuard(RequestDelegate next, IAntiforgery antiforgery, ILogger<AntiforgeryGuard> logger)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext http)
    {
        if (NeedsToken(http))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException e)
            {
                logger.LogWarning("Refused {Method} {Path} of {User}: {Error}", http.Request.Method, http.Request.Path, http.User.Identity?.Name, e.Message);
                await Boundaries.BoundaryProblems.Of(StatusCodes.Status400BadRequest, "Missing or invalid anti-forgery token", HeaderName,
                    $"Send the token from GET /api/account/me in the {HeaderName} header").ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    private static bool NeedsToken(HttpContext http) =>
        !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
        && http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.StartsWithSegments("/api/account/sign-in")
        && http.User.Identity?.IsAuthenticated == true
        && http.User.Identity.AuthenticationType == AuthSchemes.Cookie;
}
