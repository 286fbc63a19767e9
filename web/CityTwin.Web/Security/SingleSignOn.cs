using CityTwin.Accounts;
using Microsoft.AspNetCore.Authentication;
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
            if (!sso.RequireHttpsMetadata)
            {
                // On plain HTTP the browser would drop the Secure correlation cookies.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
    }
}
