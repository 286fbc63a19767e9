namespace CityTwin.Web.Security;

/// <summary>
/// Settings of the <c>Security:SingleSignOn</c> section: OpenID Connect against the city's identity
/// provider. Off while <see cref="Authority"/> is empty.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Security:SingleSignOn";

    /// <summary>The provider's issuer URL (its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>What the sign-in button says, e.g. "Incheon city account".</summary>
    public string DisplayName { get; set; } = "City account";

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public string[] Scopes { get; set; } = ["profile"];

    /// <summary>The claim carrying the person's groups or roles at the provider.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim used as the CityTwin user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// Provider group or role → CityTwin role, e.g. <c>"city-planning": "planner"</c>. A value that
    /// already is a CityTwin role name maps to itself. Roles come from the provider at every sign-in.
    /// Case-insensitive, as configuration keys are (an environment variable may arrive in any case).
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Off only for a provider on plain HTTP in a test or on a closed network.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
