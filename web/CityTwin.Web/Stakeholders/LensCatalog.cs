using CityTwin.Abstractions.Stakeholders;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// The durable lens catalogue as the endpoints use it: the first use by this web node hands the
/// pack's lenses to the grain, which copies them in only once in the twin's life.
/// </summary>
public sealed class LensCatalog(IGrainFactory grains, PackLenses pack)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private volatile bool _seeded;

    public async Task<ILensCatalogGrain> GrainAsync()
    {
        var grain = grains.GetGrain<ILensCatalogGrain>(ILensCatalogGrain.Key);
        if (_seeded) return grain;
        await _seeding.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await grain.SeedAsync(pack.Lenses);
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
