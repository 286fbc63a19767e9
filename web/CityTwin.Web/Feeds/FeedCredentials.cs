using System.Collections.Concurrent;
using CityTwin.Accounts;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Checks an MQTT password: a usable API token with the <see cref="TokenScopes.Feed"/> scope.
/// Answers are kept for <see cref="MqttFeedOptions.CredentialCache"/>, so a fleet of devices
/// reconnecting at once asks the accounts store once per token, not once per device.
/// </summary>
public sealed class FeedCredentials(IServiceScopeFactory scopes, IOptions<FeedOptions> options, TimeProvider time, ILogger<FeedCredentials> logger)
{
    private readonly ConcurrentDictionary<string, (bool Ok, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<bool> IsFeedTokenAsync(string? secret, CancellationToken cancel = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ApiTokenService.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return false;
        var hash = ApiTokenService.Hash(secret);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var known) && known.Until > now) return known.Ok;
        bool ok;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().FindUsableAsync(secret, cancel);
            ok = found is var (token, _) && token.ScopeList.Contains(TokenScopes.Feed, StringComparer.Ordinal);
        }
        catch (Exception e) when (CityTwin.Hosting.StoreErrors.IsUnavailable(e))
        {
            // The store is down: a token accepted before stays trusted a while longer, a new one waits.
            logger.LogWarning("The account store is unavailable ({Error}); MQTT feed credentials are checked from the cache only", e.GetType().Name);
            return known.Ok;
        }
        _cache[hash] = (ok, now + options.Value.Mqtt.CredentialCache);
        return ok;
    }
}
