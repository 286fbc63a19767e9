using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Places real readings on the city's clock. Devices stamp readings with the wall clock; the twin
/// runs on its own (simulated) clock, which a trainer may speed up, pause or move. A reading is
/// placed by its age: one taken 3 s ago lands 3 s before the city's current time. At speed 1 on a
/// clock never moved (a city run on real feeds) the two clocks agree and nothing shifts; on any
/// other clock, feed and simulated assets still share one timeline, so the stale rule and the
/// late-message rule treat them alike.
/// </summary>
public sealed class FeedClock(IGrainFactory grains, CityCatalog catalog, TimeProvider time, ILogger<FeedClock> logger)
{
    /// <summary>What to add to a device's wall-clock instant to place it on the city's clock now.</summary>
    public async Task<TimeSpan> OffsetAsync()
    {
        try
        {
            // The clock as it stands now, not at its last tick: the offset then stays steady between
            // ticks, so a reading taken after another is never placed before it (and dropped as late).
            var clock = await grains.GetGrain<ICityGrain>(catalog.Id).NowAsync();
            return clock.SimTime - time.GetUtcNow();
        }
        catch (Exception ex)
        {
            // Without the city's clock the readings keep their own instants: better late than lost.
            logger.LogWarning(ex, "The city clock could not be read; feed readings keep their devices' instants");
            return TimeSpan.Zero;
        }
    }
}
