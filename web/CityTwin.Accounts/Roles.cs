namespace CityTwin.Accounts;

/// <summary>
/// The roles a CityTwin account can hold. The public (no account) may look; every change needs one
/// of these. An account may hold several roles; <see cref="Admin"/> may do everything.
/// </summary>
public static class Roles
{
    /// <summary>Signed-in reader: what the public sees, also where the city requires sign-in for everything.</summary>
    public const string Viewer = "viewer";

    /// <summary>Control room: watches the live map and handles alarms.</summary>
    public const string Operator = "operator";

    /// <summary>Runs, publishes and deletes what-if scenarios.</summary>
    public const string Planner = "planner";

    /// <summary>Leads tours and sets the city's simulated clock for everyone.</summary>
    public const string Trainer = "trainer";

    /// <summary>Manages accounts, tokens and the audit log; may do everything.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Planner, Trainer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
