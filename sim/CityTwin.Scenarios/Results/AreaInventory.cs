namespace CityTwin.Scenarios.Results;

/// <summary>
/// What an area holds: residents and the assets behind its KPIs (the denominators of the means, and
/// whether a KPI applies at all: an area without air stations has no PM2.5 mean). Road assets are
/// the vehicle roads and traffic detectors the engine evaluates (footways are left out).
/// </summary>
public sealed record AreaInventory(
    int Population,
    int RoadAssets,
    int AirStations,
    int Substations,
    int FloodSensors,
    int StreetlightCircuits,
    int Buildings)
{
    public static AreaInventory Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public AreaInventory Add(AreaInventory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Population + other.Population,
            RoadAssets + other.RoadAssets,
            AirStations + other.AirStations,
            Substations + other.Substations,
            FloodSensors + other.FloodSensors,
            StreetlightCircuits + other.StreetlightCircuits,
            Buildings + other.Buildings);
    }
}
