namespace CityTwin.Accounts;

/// <summary>Settings of the <c>Accounts</c> section.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>User name of the first administrator, created when no account exists.</summary>
    public string InitialAdminName { get; set; } = "admin";

    /// <summary>
    /// Password of the first administrator (for deployments that pass it as a secret). Empty: a
    /// random password is generated and printed once to the console.
    /// </summary>
    public string InitialAdminPassword { get; set; } = "";

    /// <summary>Shortest password accepted.</summary>
    public int MinimumPasswordLength { get; set; } = 10;
}
