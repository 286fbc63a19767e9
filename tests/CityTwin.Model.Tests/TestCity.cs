using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Tests;

/// <summary>
/// A small hand-made city: a dense dong with a mapped road network, a dense dong without roads
/// and a sparse one, each with assets of every kind. Specs follow the generator's conventions.
/// </summary>
public static class TestCity
{
    public const string Dense = "2818500001";
    public const string NoRoads = "2818500002";
    public const string Sparse = "2871000003";

    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The default pack's manifest (Asia/Seoul, its climate and facts) under the test city's own id.</summary>
    public static CityPack Pack { get; } = CityManifestReader.Read(CityPackLocator.Find("incheon")) with { Id = "test" };

    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public static CityCatalog Build()
    {
        var dongs = new List<DongInfo>
        {
            new(Dense, "28185", "Test 1-dong", "테스트1동", 2.0, 40_000, Square(126.60, 37.38, 0.01)),
            new(NoRoads, "28185", "Test 2-dong", "테스트2동", 1.5, 30_000, Square(126.62, 37.38, 0.01)),
            new(Sparse, "28710", "Test 3-myeon", "테스트3면", 40.0, 2_000, Square(126.45, 37.70, 0.05)),
        };
        var districts = new List<DistrictInfo>
        {
            new("28185", "Yeonsu-gu", "연수구", 3.5, 70_000, Square(126.60, 37.38, 0.03)),
            new("28710", "Ganghwa-gun", "강화군", 40, 2_000, Square(126.45, 37.70, 0.05)),
        };
        var assets = new List<AssetDescriptor>();
        foreach (var dong in dongs)
        {
            void Add(AssetKind kind, AssetSpec spec)
            {
                var n = assets.Count;
                assets.Add(new AssetDescriptor(n, $"{AssetKinds.Of(kind).WireName}-{dong.Code}-{n:D4}", kind,
                    126.6 + n * 1e-4, 37.4, dong.GuCode, dong.Code, true, null, spec));
            }

            foreach (var use in Enum.GetValues<BuildingUse>())
            {
                var area = 3000.0 + 1000 * (int)use;
                var eui = Generation.BuildingFactory.EuiKwhPerM2(use);
                Add(AssetKind.Building, new BuildingSpec(area / 6, 20, 6, area, use, (int)(area / 30), area * eui / 8760 * 2.5, use == BuildingUse.Office ? 60 : 0));
            }
            if (dong.Code == Dense)
            {
                foreach (var roadClass in Enum.GetValues<RoadClass>())
                    Add(AssetKind.RoadSegment, Road(roadClass, roadClass == RoadClass.Motorway ? 4 : 2, 400));
                for (var i = 0; i < 30; i++) Add(AssetKind.RoadSegment, Road(RoadClass.Primary, 6, 250 + 10 * i));
                for (var i = 0; i < 30; i++) Add(AssetKind.RoadSegment, Road(RoadClass.Local, 2, 120 + 5 * i));
            }
            for (var i = 0; i < 4; i++) Add(AssetKind.TrafficDetector, Road(i == 0 ? RoadClass.Motorway : RoadClass.Primary, 4, 300));
            for (var i = 0; i < 6; i++) Add(AssetKind.StreetlightCircuit, new StreetlightSpec(20 + 8 * i, i % 4 == 0 ? 0 : 1, 150, 400));
            Add(AssetKind.AirQualityStation, new AirStationSpec(0.9));
            Add(AssetKind.AirQualityStation, new AirStationSpec(0.1));
            var served = dong.Population;
            Add(AssetKind.Substation, new SubstationSpec(Math.Max(5, served * 1.18 * 1.5 * 1.2 / 1000), served));
            Add(AssetKind.FloodSensor, new FloodSensorSpec(40, 0.9, 1.5));
            Add(AssetKind.FloodSensor, new FloodSensorSpec(60, 0.7, 1.0));
            Add(AssetKind.FloodSensor, new FloodSensorSpec(80, 0.5, 0.5));
            Add(AssetKind.EvCharger, new EvChargerSpec(8, 7));
            Add(AssetKind.EvCharger, new EvChargerSpec(4, 100));
            Add(AssetKind.WaterPump, new WaterPumpSpec(1200, 4.0, Drainage: false));
            Add(AssetKind.WaterPump, new WaterPumpSpec(3000, 3.0, Drainage: true));
        }
        var shapes = new List<Geometry?>();
        foreach (var _ in assets) shapes.Add(null);
        return new CityCatalog(Pack, Square(126.6, 37.5, 0.3), 1, districts, dongs, [], assets, shapes);
    }

    public static IEnumerable<AssetDescriptor> OfKind(this CityCatalog catalog, AssetKind kind)
    {
        foreach (var a in catalog.Assets)
            if (a.Kind == kind) yield return a;
    }

    /// <summary>All readings of a tick, keyed by asset id.</summary>
    public static Dictionary<string, double[]> Readings(this Telemetry.TelemetryGenerator generator, Physics.CityConditions conditions)
    {
        var all = new Dictionary<string, double[]>(StringComparer.Ordinal);
        generator.Generate(conditions, (_, batch) =>
        {
            foreach (var r in batch.Readings) all.Add(r.AssetId, r.Values);
        });
        return all;
    }

    /// <summary>Sun times of a local date at the pack's location, on its clock.</summary>
    public static Physics.SunTimes SunTimes(DateOnly localDate) => Physics.SolarCalculator.SunTimes(localDate, Pack.Location, Pack.Clock);

    public static double SunElevationDeg(DateTimeOffset instant) => Physics.SolarCalculator.ElevationDeg(instant, Pack.Location);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Kst);

    private static RoadSpec Road(RoadClass roadClass, int lanes, double lengthM)
    {
        var perLane = roadClass switch
        {
            RoadClass.Motorway => 2000,
            RoadClass.Primary => 1000,
            RoadClass.Secondary => 850,
            RoadClass.Local => 450,
            _ => 1200,
        };
        var freeFlow = roadClass switch
        {
            RoadClass.Motorway => 80,
            RoadClass.Primary => 60,
            RoadClass.Secondary => 50,
            RoadClass.Local => 30,
            _ => 5,
        };
        return new RoadSpec(roadClass, lanes, lengthM, perLane * lanes, freeFlow);
    }

    private static Polygon Square(double lon, double lat, double size) =>
        Geometry.CreatePolygon(
        [
            new Coordinate(lon, lat), new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size),
            new Coordinate(lon, lat + size), new Coordinate(lon, lat),
        ]);
}
