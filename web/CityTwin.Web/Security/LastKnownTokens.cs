using System.Collections.Concurrent;
using System.Security.Claims;

namespace CityTwin.Web.Security;

/// <summary>
/// While the account store is down, a token this node accepted shortly before still reads: the
/// twin's reads keep working through a database outage, and writes answer 503 at their own store.
/// Used only when the store cannot answer; while it can, every request is checked against it (so a
/// revocation counts at once), and a refused token is forgotten here.
/// </summary>
public sealed class LastKnownTokens(TimeProvider time)
{
    /// <summary>How long after its last check a token is trusted without the store.</summary>
    public static readonly TimeSpan Trust = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset CheckedAt)> _seen = new(StringComparer.Ordinal);

    public void Remember(string secretHash, ClaimsPrincipal principal) => _seen[secretHash] = (principal, time.GetUtcNow());

    public void Forget(string secretHash) => _seen.TryRemove(secretHash, out _);

    public ClaimsPrincipal? Recall(string secretHash) =>
        _seen.TryGetValue(secretHash, out var seen) && time.GetUtcNow() - seen.CheckedAt < Trust ? seen.Principal : null;
}
