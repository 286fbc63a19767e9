using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Sends validated feed readings into the twin the way the simulator does: grouped per dong, one
/// <see cref="INeighbourhoodGrain.IngestAsync"/> call per dong, all dongs in parallel. Each reading
/// keeps its own measurement instant, placed on the city's clock (<see cref="FeedClock"/>). A dong that cannot be reached (its silo just failed) costs
/// only its own readings, which are reported back so the sender can retry them.
/// </summary>
public sealed class FeedIngestor(IGrainFactory grains, FeedClock clock, FeedMetrics metrics, TimeProvider time, ILogger<FeedIngestor> logger)
{
    /// <summary>How long one dong's call may take before its readings are reported as not taken.</summary>
    public static readonly TimeSpan DongTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Ingests <paramref name="readings"/>; returns the positions (in <paramref name="readings"/>)
    /// of those the twin did not take, with why.
    /// </summary>
    public async Task<IReadOnlyList<FeedRejection>> IngestAsync(IReadOnlyList<FeedReading> readings, string transport, CancellationToken cancel = default)
    {
        if (readings.Count == 0) return [];
        var perDong = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
        {
            var dong = readings[i].Asset.DongCode;
            if (!perDong.TryGetValue(dong, out var list)) perDong[dong] = list = [];
            list.Add(i);
        }
        // Received now: the wall-clock stamp that travels beside the simulated time to the map.
        var receivedAt = time.GetUtcNow();
        var offset = await clock.OffsetAsync();
        var sends = new List<Task<IReadOnlyList<FeedRejection>>>(perDong.Count);
        foreach (var (dong, indices) in perDong) sends.Add(SendAsync(dong, indices, readings, offset, receivedAt, cancel));
        var results = await Task.WhenAll(sends);
        var rejected = results.SelectMany(r => r).OrderBy(r => r.Index).ToList();
        metrics.Ingested(transport, readings.Count - rejected.Count);
        return rejected;
    }

    private async Task<IReadOnlyList<FeedRejection>> SendAsync(string dong, List<int> indices, IReadOnlyList<FeedReading> readings, TimeSpan offset, DateTimeOffset receivedAt, CancellationToken cancel)
    {
        var batch = new AssetReading[indices.Count];
        var newest = DateTimeOffset.MinValue;
        for (var k = 0; k < indices.Count; k++)
        {
            var r = readings[indices[k]];
            var at = r.At + offset;
            batch[k] = new AssetReading(r.Asset.Id, r.Values) { At = at };
            if (at > newest) newest = at;
        }
        try
        {
            var result = await grains.GetGrain<INeighbourhoodGrain>(dong).IngestAsync(new TelemetryBatch(newest, batch, WallTime: receivedAt)).WaitAsync(DongTimeout, cancel);
            if (result.Rejected.Count == 0) return [];
            // The web node checked every reading against the same catalog; a grain refusal means the two disagree.
            var refused = result.Rejected.ToHashSet(StringComparer.Ordinal);
            return [.. indices.Where(i => refused.Contains(readings[i].Asset.Id)).Select(i => new FeedRejection(i, "refused by the twin (unknown asset or wrong channel count)"))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Feed batch of {Count} readings for dong {Dong} failed; reported back to the sender", indices.Count, dong);
            return [.. indices.Select(i => new FeedRejection(i, "the twin could not take it now (dong unavailable): send it again"))];
        }
    }
}
