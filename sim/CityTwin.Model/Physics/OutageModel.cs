namespace CityTwin.Model.Physics;

/// <summary>
/// Device outages: an asset is offline (reports an empty value array) in a small seeded share of
/// hours, decided independently per (seed, asset, hour). Hourly granularity matches how field
/// devices drop out (comms loss, power cycling) and keeps "offline" stable within the hour, so
/// the map does not flicker tick to tick. 0.3 % is an assumption within the 0.2–0.5 % the
/// operators' availability targets (99.5–99.8 %) imply.
/// </summary>
public static class OutageModel
{
    public const double DefaultShare = 0.003;

    public static bool IsOffline(int seed, int assetIndex, long hourIndex, double share) =>
        share > 0 && SeededRandom.Uniform(seed, RandomStream.Outage, assetIndex, hourIndex) < share;
}
