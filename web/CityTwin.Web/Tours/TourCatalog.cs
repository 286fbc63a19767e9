using CityTwin.Abstractions.Tours;

namespace CityTwin.Web.Tours;

/// <summary>
/// The durable tour catalogue as the endpoints use it: the first use by this web node hands the
/// pack's tours to the grain, which copies them in only once in the twin's life.
/// </summary>
public sealed class TourCatalog(IGrainFactory grains, PackTours pack)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private volatile bool _seeded;

    public async Task<ITourCatalogGrain> GrainAsync()
    {
        var grain = grains.GetGrain<ITourCatalogGrain>(ITourCatalogGrain.Key);
        if (_seeded) return grain;
        await _seeding.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await grain.SeedAsync(pack.Tours);
                _seeded = true;
            }
        }
        finally
        {
            _seeding.Release();
        }
        return grain;
    }
}
