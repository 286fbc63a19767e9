using CityTwin.Abstractions.Assets;

namespace CityTwin.Model.Generation;

/// <summary>
/// How many synthetic assets of each kind the city gets, before they are shared out among dongs
/// by population and area. Totals are sized from the default city's facts where one exists (docs/models.md).
/// </summary>
public sealed record SyntheticPlan(IReadOnlyDictionary<AssetKind, int> Totals, IReadOnlyDictionary<AssetKind, int> MinimumPerDong)
{
    /// <summary>
    /// The default city: 188,615 road and security lights (2023) in circuits of ~44 lamps ⇒ ~4,300 circuits;
    /// one air station per ~10,000 residents; one distribution substation per ~20,000; EV sites for
    /// ~47,000 EVs at 1.64 EVs per charger, grouped in sites of a few ports.
    /// </summary>
    public static SyntheticPlan Default { get; } = new(
        new Dictionary<AssetKind, int>
        {
            [AssetKind.TrafficDetector] = 1200,
            [AssetKind.StreetlightCircuit] = 4300,
            [AssetKind.AirQualityStation] = 310,
            [AssetKind.Substation] = 155,
            [AssetKind.FloodSensor] = 1200,
            [AssetKind.EvCharger] = 1500,
            [AssetKind.WaterPump] = 320,
        },
        new Dictionary<AssetKind, int>
        {
            [AssetKind.AirQualityStation] = 1,
            [AssetKind.Substation] = 1,
            [AssetKind.StreetlightCircuit] = 2,
            [AssetKind.FloodSensor] = 1,
        });

    /// <summary>The same plan with every total multiplied (benchmarks and the large synthetic city).</summary>
    public SyntheticPlan Scaled(double factor) =>
        this with { Totals = Totals.ToDictionary(kv => kv.Key, kv => (int)Math.Round(kv.Value * factor)) };
}
