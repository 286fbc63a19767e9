namespace CityTwin.Model.Physics;

/// <summary>
/// Independent random streams. Every draw names its stream so that two models (or two channels of
/// one model) never share numbers, and adding a stream never reshuffles the others. Values are
/// part of the determinism contract: never renumber an existing member.
/// </summary>
public enum RandomStream : ulong
{
    TemperatureSlow = 1,
    TemperatureFast = 2,
    Heatwave = 10,
    RainDay = 3,
    RainEvent = 4,
    RainTexture = 5,
    RainBurst = 6,
    Cloud = 7,
    Wind = 8,
    Humidity = 9,
    RoadSegment = 20,
    RoadDay = 21,
    RoadNoise = 22,
    AirStation = 30,
    AirNoise = 31,
    PmEpisode = 32,
    PmSlow = 33,
    Dust = 34,
    BuildingFactor = 40,
    BuildingNoise = 41,
    SubstationFactor = 50,
    SubstationNoise = 51,
    StreetlightFault = 60,
    EvSite = 70,
    EvPort = 71,
    EvTaper = 72,
    PumpFactor = 80,
    PumpNoise = 81,
    PumpLowPressure = 82,
    Outage = 90,
}
