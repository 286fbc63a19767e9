using Microsoft.AspNetCore.Identity;

namespace CityTwin.Web.Security;

/// <summary>The ways a request can say who sent it.</summary>
public static class AuthSchemes
{
    /// <summary>Picks one of the others per request: a bearer token when one is sent, else the session cookie.</summary>
    public const string Default = "CityTwin";

    /// <summary>The browser session (Identity's application cookie), set by password or single sign-on.</summary>
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;

    /// <summary>API tokens: <c>Authorization: Bearer ctw_…</c> (or <c>?access_token=</c> on the SignalR hub, where browsers cannot set headers).</summary>
    public const string ApiToken = "ApiToken";

    /// <summary>OpenID Connect against the city's identity provider (when configured).</summary>
    public const string Oidc = "oidc";

    /// <summary>
    /// Claim naming how the caller proved who they are ("pwd", "token", "oidc"): the standard
    /// authentication-method claim, which Identity keeps when it refreshes a session.
    /// </summary>
    public const string ViaClaim = System.Security.Claims.ClaimTypes.AuthenticationMethod;

    /// <summary>Claim of each scope an API token carries.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Claim with the id of the API token used.</summary>
    public const string TokenIdClaim = "citytwin:token";
}
