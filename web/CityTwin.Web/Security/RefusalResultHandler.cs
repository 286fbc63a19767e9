using CityTwin.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CityTwin.Web.Security;

/// <summary>
/// Refusals answer with problem details (401: sign in; 403: your roles do not allow it), and a
/// signed-in account refused a change is written to the audit log: someone trying what their role
/// does not allow is what an admin wants to see.
/// </summary>
public sealed class RefusalResultHandler(ILogger<RefusalResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(http);
            return;
        }
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        if (result.Forbidden && signedIn)
        {
            logger.LogWarning("Refused {Method} {Path} to {User}: not allowed by its roles", http.Request.Method, http.Request.Path, http.User.Identity!.Name);
            if (!HttpMethods.IsGet(http.Request.Method))
                await http.AuditAsync(AuditActions.Forbidden, AuditOutcomes.Refused, $"{http.Request.Method} {http.Request.Path}", "the account's roles do not allow this");
            await Problem(http, StatusCodes.Status403Forbidden, "Not allowed for your role",
                "Your account's roles do not allow this; an administrator can give you the role it needs");
            return;
        }
        if (Actor.IsApiRequest(http.Request))
        {
            await Problem(http, StatusCodes.Status401Unauthorized, "Sign in first",
                "This needs a signed-in account: sign in on the map, or send an API token (Authorization: Bearer ctw_…)");
            return;
        }
        // Pages (the Orleans dashboard): the default challenge.
        await _default.HandleAsync(next, http, policy, result);
    }

    private static Task Problem(HttpContext http, int status, string title, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
    }
}
