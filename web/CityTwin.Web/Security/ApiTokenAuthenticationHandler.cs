using System.Security.Claims;
using System.Text.Encodings.Web;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer ctw_…</c>. The token's roles are its scopes that its owner
/// still holds, so a token can narrow what its owner may do but never widen it; a revoked token, an
/// expired one or one of a disabled account is refused on the next request.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, UserManager<CityTwinUser> users, LastKnownTokens lastKnown)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SecretOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        var hash = ApiTokenService.Hash(secret);
        try
        {
            var principal = await CheckAsync(secret);
            if (principal is null)
            {
                lastKnown.Forget(hash);
                Logger.LogWarning("Refused an unknown, revoked or expired API token from {Address}", Context.Connection.RemoteIpAddress);
                return AuthenticateResult.Fail("The API token is unknown, revoked or expired");
            }
            lastKnown.Remember(hash, principal);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
        catch (Exception e) when (CityTwin.Hosting.StoreErrors.IsUnavailable(e) && lastKnown.Recall(hash) is { } recalled)
        {
            Logger.LogWarning("The account store is unavailable ({Error}); trusting the API token of {User} checked within {Minutes} min",
                e.GetType().Name, recalled.Identity?.Name, LastKnownTokens.Trust.TotalMinutes);
            return AuthenticateResult.Success(new AuthenticationTicket(recalled, Scheme.Name));
        }
    }

    private async Task<ClaimsPrincipal?> CheckAsync(string secret)
    {
        if (await tokens.FindUsableAsync(secret, Context.RequestAborted) is not var (token, owner)) return null;
        var held = await users.GetRolesAsync(owner);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.Id),
            new(ClaimTypes.Name, owner.UserName ?? owner.Id),
            new(AuthSchemes.ViaClaim, "token"),
            new(AuthSchemes.TokenIdClaim, token.Id),
        };
        foreach (var scope in token.ScopeList)
        {
            claims.Add(new Claim(AuthSchemes.ScopeClaim, scope));
            // An admin may do everything, so an admin's token may act in any role it names.
            if (Roles.IsKnown(scope) && (held.Contains(scope) || held.Contains(Roles.Admin))) claims.Add(new Claim(ClaimTypes.Role, scope));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The token of the request: its bearer header, or the hub's query string (browsers' WebSockets cannot send headers).</summary>
    public static string? SecretOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"] is { Count: 1 } q && q[0] is { Length: > 0 } t) return t;
        return null;
    }
}
