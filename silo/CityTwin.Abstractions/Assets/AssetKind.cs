namespace CityTwin.Abstractions.Assets;

/// <summary>The kinds of things the twin tracks. The wire name (see <see cref="AssetKinds"/>) is what the API and map use.</summary>
public enum AssetKind
{
    Building = 0,
    RoadSegment = 1,
    TrafficDetector = 2,
    StreetlightCircuit = 3,
    AirQualityStation = 4,
    Substation = 5,
    FloodSensor = 6,
    EvCharger = 7,
    WaterPump = 8,
}
