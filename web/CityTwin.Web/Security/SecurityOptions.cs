namespace CityTwin.Web.Security;

/// <summary>Settings of the <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// False (default): the live map, the city's indicators and published scenarios are public and
    /// only changes need a role. True: every page of data and the live stream need a signed-in account.
    /// </summary>
    public bool RequireSignIn { get; set; }

    /// <summary>How long a browser session lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a session's account is looked at again: a disabled account or changed roles take
    /// effect on its open sessions within this time (at once for API tokens).
    /// </summary>
    public TimeSpan SessionRevalidation { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts per remote address per window (password guessing), beside Identity's per-account lockout.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed passwords in a row before an account is locked for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}
