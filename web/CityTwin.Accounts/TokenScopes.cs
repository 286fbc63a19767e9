namespace CityTwin.Accounts;

/// <summary>
/// What an API token may do. A token never exceeds its owner: a role scope counts only while the
/// owner still holds that role, so taking a role from a person also takes it from their tokens.
/// </summary>
public static class TokenScopes
{
    /// <summary>Scrapes <c>/metrics</c> (granted by an admin; no other right).</summary>
    public const string Metrics = "metrics";

    /// <summary>
    /// Sends telemetry (<c>POST /api/telemetry</c>, MQTT publish): a device gateway's token. Granted by
    /// an admin; a token of this scope alone can do nothing else, not even read.
    /// </summary>
    public const string Feed = "feed";

    /// <summary>Every scope a token can name: the roles, and the narrow scopes above.</summary>
    public static readonly IReadOnlyList<string> All = [.. Roles.All, Metrics, Feed];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
