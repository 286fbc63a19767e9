using CityTwin.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CityTwin.Web.Security;

/// <summary>OpenID Connect (authorisation code with PKCE) against the city's identity provider, when configured.</summary>
public static class SingleSignOn
{
    public static AuthenticationBuilder AddCityTwinSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var sso = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        authentication.Services.Configure<SingleSignOnOptions>(configuration.GetSection(SingleSignOnOptions.Section));
        if (!sso.Enabled) return authentication;
        return authentication.AddOpenIdConnect(AuthSchemes.Oidc, sso.DisplayName, o =>
        {
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a top-level GET, which SameSite=Lax cookies reach. The default
            // form_post is a cross-site POST that only SameSite=None cookies reach, and browsers drop
            // those unless Secure, i.e. on a plain-HTTP site. With PKCE and the client secret a code
            // seen in a URL is of no use to anyone else.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            // Keep the provider's claim names ("sub", "roles", "preferred_username") as they are.
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in sso.Scopes) o.Scope.Add(scope);

            // The handler drops "iss" by default, but an account is keyed by issuer|subject.
            o.ClaimActions.Remove("iss");
            // The userinfo answer adds only the standard profile claims unless told: take the user
            // name and the groups (one claim per element of a JSON array) from it too, for providers
            // that leave them out of the id_token.
            o.ClaimActions.MapUniqueJsonKey(sso.UserNameClaim, sso.UserNameClaim);
            o.ClaimActions.MapJsonKey(sso.RoleClaim, sso.RoleClaim);

            // Secure cookies when the site is on HTTPS; on plain HTTP (a test or closed network) a
            // Secure cookie would never come back. Lax: see the response mode above.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SameSite = SameSiteMode.Lax;
            }
            o.Events.OnRemoteFailure = RemoteFailureAsync;
        });
    }

    /// <summary>
    /// The person declined at the provider, the provider answered with an error, or the callback
    /// was stale or forged: back to the map with a reason instead of an error page.
    /// </summary>
    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var why = context.Failure?.Message ?? "unknown failure";
        http.RequestServices.GetRequiredService<ILogger<SingleSignOnAccounts>>().LogWarning("Single sign-on failed: {Why}", why);
        await http.AuditSignInAsync(Actor.Anonymous, AuditOutcomes.Failed, AuthSchemes.Oidc, $"single sign-on: {why}");
        context.Response.Redirect("/?signin-error=sso");
        context.HandleResponse();
    }
}
