namespace CityTwin.Abstractions.Indicators;

/// <summary>
/// The targets a city set for its public indicators (key: city id), durable so that they survive
/// restarts and failovers. Indicators without an entry use the default of the city pack.
/// </summary>
[Alias("CityTwin.IIndicatorTargetsGrain")]
public interface IIndicatorTargetsGrain : IGrainWithStringKey
{
    [Alias("Set")] Task<IndicatorTarget> SetAsync(string indicatorId, double value, string setBy);

    [Alias("GetAll")] Task<IReadOnlyDictionary<string, IndicatorTarget>> GetAllAsync();
}
