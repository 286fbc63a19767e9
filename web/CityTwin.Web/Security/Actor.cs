using System.Security.Claims;
using CityTwin.Accounts;

namespace CityTwin.Web.Security;

/// <summary>Who made a request, as the audit log records it.</summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public static string NameOf(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    /// <summary>How the user proved who they are: "password", "oidc" or "token" (null when anonymous).</summary>
    public static string? ViaOf(ClaimsPrincipal user) =>
        user.FindFirst(AuthSchemes.ViaClaim)?.Value
        ?? (user.FindFirst("amr")?.Value is { } amr ? (amr == "pwd" ? "password" : amr) : null);

    /// <summary>Records an action of the request's user (name, address and how they signed in).</summary>
    public static Task AuditAsync(this HttpContext http, string action, string outcome = AuditOutcomes.Done, string? target = null, string? detail = null) =>
        http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(NameOf(http.User), action, outcome, target, detail,
            http.Connection.RemoteIpAddress?.ToString(), ViaOf(http.User), http.RequestAborted);

    /// <summary>
    /// Records a sign-in attempt, whose actor is the name that tried (the request has no signed-in
    /// user yet, or, for single sign-on, one still being made).
    /// </summary>
    public static Task AuditSignInAsync(this HttpContext http, string actor, string outcome, string via, string? detail) =>
        http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(actor, AuditActions.SignIn, outcome, actor == Anonymous ? null : actor, detail,
            http.Connection.RemoteIpAddress?.ToString(), via, http.RequestAborted);

    /// <summary>Requests answered with status codes and problem details, not pages: the API, the live hub, the metrics.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/metrics");
}
