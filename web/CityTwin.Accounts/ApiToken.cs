namespace CityTwin.Accounts;

/// <summary>
/// A revocable bearer token for scripts and feeds. Only a SHA-256 hash of the secret is stored:
/// whoever reads the database cannot use the tokens; the secret is shown once, at creation.
/// </summary>
public sealed class ApiToken
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Space-separated <see cref="TokenScopes"/>.</summary>
    public required string Scopes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The secret's first characters, so people can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsUsableAt(DateTime utcNow) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > utcNow);
}
