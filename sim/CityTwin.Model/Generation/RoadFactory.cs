using CityTwin.Model.City;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Generation;

/// <summary>
/// Road class, capacity and free-flow speed from OSM attributes. Capacities per lane: 2,000 veh/h
/// on motorways (KHCM gives 2,200 pc/h for freeways; mixed traffic is lower), signalised arterials
/// ~2,200 pc/h of green × g/C ≈ 0.45 ⇒ ~1,000; local streets ~450; footways counted in people/h.
/// Free-flow speed capped by Korea's Safe Speed 5030 rule (50 km/h urban, 30 km/h residential).
/// </summary>
public static class RoadFactory
{
    public static RoadClass ParseClass(string? osmClass, string file, string feature) => osmClass switch
    {
        "motorway/trunk" => RoadClass.Motorway,
        "primary" => RoadClass.Primary,
        "secondary/tertiary" => RoadClass.Secondary,
        "residential/service/other" => RoadClass.Local,
        "footway/cycleway/path" => RoadClass.Footway,
        _ => throw new CityPackException(file, feature, $"unknown road_class '{osmClass}'"),
    };

    public static double CapacityPerLane(RoadClass c) => c switch
    {
        RoadClass.Motorway => 2000,
        RoadClass.Primary => 1000,
        RoadClass.Secondary => 850,
        RoadClass.Local => 450,
        RoadClass.Footway => 1200,
        _ => 450,
    };

    public static double FreeFlowKmh(RoadClass c) => c switch
    {
        RoadClass.Motorway => 80,
        RoadClass.Primary => 60,
        RoadClass.Secondary => 50,
        RoadClass.Local => 30,
        RoadClass.Footway => 5,
        _ => 30,
    };

    public static RoadSpec Create(RoadClass roadClass, int lanes, double lengthM)
    {
        lanes = Math.Clamp(lanes, 1, 12);
        return new RoadSpec(roadClass, lanes, Math.Round(lengthM, 1), CapacityPerLane(roadClass) * lanes, FreeFlowKmh(roadClass));
    }
}
