using System.Diagnostics;
using CityTwin.Abstractions.Grains;

namespace CityTwin.Benchmarks;

/// <summary>
/// Feeds the grains at a target number of updates per second, dong batch by dong batch in
/// round-robin, each batch stamped with the wall clock at the moment it is sent, both as its
/// wall-clock stamp (which reaches clients as the frame's <c>wallTs</c>) and as its simulated time. Calls in flight are capped, so if the
/// twin cannot keep up the achieved rate falls below the target (and is reported) rather than
/// queueing without bound.
/// </summary>
public sealed class RateDriver(INeighbourhoodGrain[] grains, BatchSet set, double updatesPerSecond, int maxInFlight = 512)
{
    private long _sent;
    private long _accepted;
    private long _failed;
    private int _inFlight;
    private int _dong;
    private long _round;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        long budgetUsed = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var due = watch.Elapsed.TotalSeconds * updatesPerSecond;
            while (budgetUsed < due && Volatile.Read(ref _inFlight) < maxInFlight)
            {
                var source = set.Batches[_round % set.Instants][_dong];
                var grain = grains[_dong];
                if (++_dong == grains.Length)
                {
                    _dong = 0;
                    _round++;
                }
                var now = DateTimeOffset.UtcNow;
                var batch = source with { Timestamp = now, WallTime = now };
                budgetUsed += batch.Readings.Count;
                Interlocked.Add(ref _sent, batch.Readings.Count);
                Interlocked.Increment(ref _inFlight);
                _ = SendAsync(grain, batch);
            }
            await Task.Delay(1, CancellationToken.None);
        }
        while (Volatile.Read(ref _inFlight) > 0) await Task.Delay(5, CancellationToken.None);
    }

    private async Task SendAsync(INeighbourhoodGrain grain, Abstractions.Telemetry.TelemetryBatch batch)
    {
        try
        {
            var result = await grain.IngestAsync(batch);
            Interlocked.Add(ref _accepted, result.Accepted);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
