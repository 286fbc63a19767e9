namespace CityTwin.Web.Security;

// The request and answer shapes of /api/account and /api/admin.

/// <summary>Password sign-in.</summary>
public sealed record SignInRequest(string? UserName, string? Password, bool Remember = false);

/// <summary>Who the caller is and what they may do; the page asks this first.</summary>
public sealed record MeResponse(
    bool SignedIn,
    string? UserName,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    string? Via,
    bool RequireSignIn,
    SingleSignOnInfo SingleSignOn,
    string? AntiforgeryToken,
    MayDo May);

/// <summary>The changes the caller's roles allow, so the page can offer only those.</summary>
public sealed record MayDo(bool ControlClock, bool Plan, bool Administer);

public sealed record SingleSignOnInfo(bool Enabled, string? DisplayName, string? Url);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public sealed record CreateTokenRequest(string? Name, string[]? Scopes, int? ExpiresInDays);

/// <summary>A token as listed (never its secret).</summary>
public sealed record TokenView(string Id, string Name, string Owner, IReadOnlyList<string> Scopes, string Prefix,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Usable);

/// <summary>The answer to creating a token: the secret, shown this once.</summary>
public sealed record CreatedTokenResponse(TokenView Token, string Secret);

public sealed record UserView(string UserName, string? DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut,
    DateTime CreatedAt, bool SingleSignOn);

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles);

public sealed record SetRolesRequest(string[]? Roles);

public sealed record ResetPasswordRequest(string? Password);

public sealed record AuditEntryView(long Id, DateTime At, string Actor, string Action, string? Target, string? Detail, string Outcome, string? Address, string? Via);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditEntryView> Entries);

/// <summary>Roles and token scopes with what each allows (for the admin screens).</summary>
public sealed record RoleInfo(string Name, string Allows);
