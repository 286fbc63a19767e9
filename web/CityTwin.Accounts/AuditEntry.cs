namespace CityTwin.Accounts;

/// <summary>One line of the audit log: who did what, when, to what, and whether it was allowed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>User name, or "anonymous".</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted action name, e.g. "clock.set", "scenario.run", "user.roles" (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What the action touched (a user name, a scenario id, ...), when it touched something.</summary>
    public string? Target { get; set; }

    /// <summary>Human-readable detail (the new clock, the roles given, the reason a sign-in failed).</summary>
    public string? Detail { get; set; }

    /// <summary><see cref="AuditOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>Remote address of the request.</summary>
    public string? Address { get; set; }

    /// <summary>How the actor proved who they are: "cookie", "token", "oidc".</summary>
    public string? Via { get; set; }
}

/// <summary>Whether an audited action happened.</summary>
public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

/// <summary>The audited actions (alarm, tour and import actions join as they land).</summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignOut = "account.sign-out";
    public const string PasswordChange = "account.password";
    public const string UserCreate = "user.create";
    public const string UserRoles = "user.roles";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserPasswordReset = "user.password-reset";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string ClockSet = "clock.set";
    public const string ScenarioRun = "scenario.run";
    public const string ScenarioCancel = "scenario.cancel";
    public const string ScenarioDelete = "scenario.delete";
    public const string ScenarioPublish = "scenario.publish";
    public const string ScenarioUnpublish = "scenario.unpublish";
    public const string SourcesSet = "simulation.sources";
    public const string CityImport = "city.import";
    public const string CitySwitch = "city.switch";
    public const string IndicatorTarget = "indicator.target";
    public const string Forbidden = "access.forbidden";
    public const string TourCreate = "tour.create";
    public const string TourUpdate = "tour.update";
    public const string TourDelete = "tour.delete";
    public const string TourImport = "tour.import";
    public const string TourPresent = "tour.present";
    public const string TourStop = "tour.stop";
    public const string TourPing = "tour.ping";
    public const string TourEnd = "tour.end";
}
