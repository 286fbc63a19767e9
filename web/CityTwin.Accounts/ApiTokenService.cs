using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Accounts;

/// <summary>Issues, finds and revokes API tokens. The secret is returned once and stored only as a hash.</summary>
public sealed class ApiTokenService(AccountsDbContext db, TimeProvider time)
{
    /// <summary>Every token starts with this, so secret scanners and people recognise one.</summary>
    public const string SecretPrefix = "ctw_";

    /// <summary>Creates a token; the returned secret is never shown again.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, IReadOnlyList<string> scopes, DateTime? expiresAtUtc, CancellationToken cancel = default)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            UserId = userId,
            Name = name,
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            SecretHash = Hash(secret),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ExpiresAtUtc = expiresAtUtc,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancel);
        return (token, secret);
    }

    /// <summary>The usable token with this secret and its owner, or null (unknown, revoked, expired, owner disabled).</summary>
    public async Task<(ApiToken Token, CityTwinUser Owner)?> FindUsableAsync(string secret, CancellationToken cancel = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens.Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, Owner = u })
            .SingleOrDefaultAsync(cancel);
        if (found is null || !found.Token.IsUsableAt(now) || found.Owner.Disabled) return null;
        // Last use to the minute: enough for "is this token still used?", without a write per request.
        if (found.Token.LastUsedAtUtc is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            found.Token.LastUsedAtUtc = now;
            await db.SaveChangesAsync(cancel);
        }
        return (found.Token, found.Owner);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string? userId, CancellationToken cancel = default)
    {
        var tokens = db.ApiTokens.AsNoTracking();
        if (userId is not null) tokens = tokens.Where(t => t.UserId == userId);
        return await tokens.OrderByDescending(t => t.CreatedAtUtc).ToListAsync(cancel);
    }

    public Task<ApiToken?> FindAsync(string id, CancellationToken cancel = default) =>
        db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancel);

    /// <summary>Revokes at once: the next request with the token is refused.</summary>
    public async Task RevokeAsync(ApiToken token, CancellationToken cancel = default)
    {
        token.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancel);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
