using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Generation;

/// <summary>Specs of synthetic infrastructure, drawn from ranges grounded in the default city facts (docs/models.md).</summary>
public static class SyntheticAssetFactory
{
    public static AssetSpec Create(AssetKind kind, DongInfo dong, int countInDong, Random r) => kind switch
    {
        AssetKind.TrafficDetector => ArterialDetector(r),
        AssetKind.StreetlightCircuit => Streetlight(r),
        // A third of stations stand at the kerb (roadside network), the rest measure urban background.
        AssetKind.AirQualityStation => new AirStationSpec(Math.Round(r.NextDouble() < 0.3 ? 0.6 + 0.4 * r.NextDouble() : 0.3 * r.NextDouble(), 2)),
        AssetKind.Substation => Substation(dong, countInDong, r),
        AssetKind.FloodSensor => Flood(dong, r),
        AssetKind.EvCharger => r.NextDouble() < 0.85
            ? new EvChargerSpec(2 + r.Next(9), 7)
            : new EvChargerSpec(1 + r.Next(4), r.NextDouble() < 0.6 ? 100 : 200),
        AssetKind.WaterPump => r.NextDouble() < 0.5
            ? new WaterPumpSpec(Math.Round(200 + 1800 * r.NextDouble()), Math.Round(3.5 + 1.5 * r.NextDouble(), 1), Drainage: false)
            : new WaterPumpSpec(Math.Round(1000 + 5000 * r.NextDouble()), Math.Round(2.8 + 0.8 * r.NextDouble(), 1), Drainage: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a synthetic kind"),
    };

    private static RoadSpec ArterialDetector(Random r)
    {
        // Detectors sit on arterials: mostly 4-6 lane primary/secondary roads, a few on expressways.
        var u = r.NextDouble();
        var roadClass = u < 0.1 ? RoadClass.Motorway : u < 0.55 ? RoadClass.Primary : RoadClass.Secondary;
        var lanes = roadClass == RoadClass.Motorway ? 4 + 2 * r.Next(3) : 2 + 2 * r.Next(3);
        return RoadFactory.Create(roadClass, lanes, 200 + 600 * r.NextDouble());
    }

    private static StreetlightSpec Streetlight(Random r)
    {
        // 77 % of the default city's road lights were LED in Jan 2023; circuits are converted as a whole.
        var led = r.NextDouble() < 0.77;
        return new StreetlightSpec(20 + r.Next(50), led ? 1 : 0, LedLampW: 150, SodiumLampW: 400);
    }

    private static SubstationSpec Substation(DongInfo dong, int countInDong, Random r)
    {
        var served = Math.Max(500, dong.Population / Math.Max(1, countInDong));
        // 10,330 kWh per person-year ⇒ 1.18 kW mean; peak ≈ 1.5 × mean; margin 1.05-1.6 per site.
        var capacityMw = served * 1.18 * 1.5 * (1.05 + 0.55 * r.NextDouble()) / 1000.0;
        return new SubstationSpec(Math.Round(Math.Max(5, capacityMw), 1), served);
    }

    private static FloodSensorSpec Flood(DongInfo dong, Random r)
    {
        // Dense dongs are paved: runoff coefficient 0.45 (suburban) to 0.9 (downtown).
        var impervious = 0.45 + 0.45 * Math.Min(1, dong.DensityPerKm2 / 25_000);
        // Drains built for 10- to 30-year storms: 50-80 mm/h, older low-lying areas lower.
        var drainage = 40 + 40 * r.NextDouble();
        return new FloodSensorSpec(Math.Round(drainage), Math.Round(impervious, 2), Math.Round(0.5 + r.NextDouble(), 2));
    }
}
