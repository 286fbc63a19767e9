using System.Security.Claims;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CityTwin.Web.Security;

/// <summary>
/// Who may do what: one policy per kind of change. An admin may do everything; every other role
/// names the changes it is for. Reading is public unless <see cref="SecurityOptions.RequireSignIn"/>.
/// </summary>
public static class Policies
{
    /// <summary>Set the simulated clock for every screen: trainers (tours, drills) and admins.</summary>
    public const string ClockControl = "clock-control";

    /// <summary>Write tours, present them and drive a presentation: trainers and admins.</summary>
    public const string Touring = "touring";

    /// <summary>Run, cancel, publish and delete scenarios; read unpublished ones: planners and admins.</summary>
    public const string Planning = "planning";

    /// <summary>Act on alarms (acknowledge, assign, comment, shelve, resolve) and edit alarm rules: operators and admins.</summary>
    public const string AlarmOperation = "alarm-operation";

    /// <summary>Start and stop drills (scripted incidents for the control room): trainers and admins (supervisors).</summary>
    public const string Drills = "drills";

    /// <summary>Accounts, roles, every token, the audit log: admins.</summary>
    public const string Administration = "administration";

    /// <summary>The Orleans dashboard and Prometheus metrics: admins, or a token with the metrics scope.</summary>
    public const string Operations = "operations";

    /// <summary>Send telemetry: a token with the feed scope (narrow scopes are granted by admins only).</summary>
    public const string Feed = "feed";

    /// <summary>Choose which assets the simulator feeds and which real feeds drive: operators and admins.</summary>
    public const string Sources = "sources";

    /// <summary>Anything done as oneself (own tokens, own password): any signed-in account.</summary>
    public const string SignedIn = "signed-in";

    public static void Add(AuthorizationOptions options, bool requireSignIn)
    {
        options.AddPolicy(ClockControl, p => p.RequireRole(Roles.Trainer, Roles.Admin));
        options.AddPolicy(Touring, p => p.RequireRole(Roles.Trainer, Roles.Admin));
        options.AddPolicy(Planning, p => p.RequireRole(Roles.Planner, Roles.Admin));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Drills, p => p.RequireRole(Roles.Trainer, Roles.Admin));
        options.AddPolicy(AlarmOperation, p => p.RequireRole(Roles.Operator, Roles.Admin));
        options.AddPolicy(Operations, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin) || c.User.HasClaim(AuthSchemes.ScopeClaim, TokenScopes.Metrics)));
        options.AddPolicy(Feed, p => p.RequireClaim(AuthSchemes.ScopeClaim, TokenScopes.Feed));
        options.AddPolicy(Sources, p => p.RequireRole(Roles.Operator, Roles.Admin));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        // Endpoints that name no policy (the reads, the live hub) are public unless the city says otherwise.
        options.FallbackPolicy = requireSignIn ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build() : null;
    }

    /// <summary>Whether <paramref name="user"/> may see scenarios that are not published.</summary>
    public static bool CanPlan(ClaimsPrincipal user) => user.IsInRole(Roles.Planner) || user.IsInRole(Roles.Admin);
}
