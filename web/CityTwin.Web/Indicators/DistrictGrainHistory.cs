using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.Indicators;

/// <summary>The history each district grain keeps (one aggregate per simulated minute, the last 24 simulated hours).</summary>
public sealed class DistrictGrainHistory(IGrainFactory grains) : IIndicatorHistory
{
    public Task<IReadOnlyList<KpiSample>> DistrictAsync(string guCode) => grains.GetGrain<IDistrictGrain>(guCode).GetHistoryAsync();
}
