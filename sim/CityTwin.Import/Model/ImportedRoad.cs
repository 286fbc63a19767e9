using NetTopologySuite.Geometries;

namespace CityTwin.Import.Model;

/// <summary>A mapped road centreline (lon/lat) with its pack road class and lanes.</summary>
public sealed record ImportedRoad(LineString Line, string? Name, string RoadClass, int Lanes);
