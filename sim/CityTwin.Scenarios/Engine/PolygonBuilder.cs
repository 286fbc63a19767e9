using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CityTwin.Scenarios.Engine;

/// <summary>Turns a lon/lat ring from a definition into a valid polygon, or says what is wrong with it.</summary>
internal static class PolygonBuilder
{
    private static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>The polygon, or null with <paramref name="problem"/> set. An open ring is closed.</summary>
    public static Polygon? TryBuild(IReadOnlyList<GeoPoint>? ring, out string? problem)
    {
        problem = null;
        if (ring is null || ring.Count == 0)
        {
            problem = "the polygon has no points";
            return null;
        }
        if (ring.Count > ScenarioLimits.MaxPolygonPoints)
        {
            problem = $"the polygon has {ring.Count} points; at most {ScenarioLimits.MaxPolygonPoints} are allowed";
            return null;
        }
        var coordinates = new List<Coordinate>(ring.Count + 1);
        for (var i = 0; i < ring.Count; i++)
        {
            var p = ring[i];
            if (!double.IsFinite(p.Lon) || !double.IsFinite(p.Lat) || p.Lon is < -180 or > 180 || p.Lat is < -90 or > 90)
            {
                problem = $"point {i} ({p.Lon}, {p.Lat}) is not a longitude/latitude pair";
                return null;
            }
            var c = new Coordinate(p.Lon, p.Lat);
            // Repeated consecutive points (a double click) are harmless: drop them.
            if (coordinates.Count == 0 || !coordinates[^1].Equals2D(c)) coordinates.Add(c);
        }
        if (coordinates.Count > 1 && coordinates[^1].Equals2D(coordinates[0])) coordinates.RemoveAt(coordinates.Count - 1);
        if (coordinates.Count < 3)
        {
            problem = "a polygon needs at least 3 distinct points";
            return null;
        }
        coordinates.Add(coordinates[0].Copy());
        var polygon = Factory.CreatePolygon([.. coordinates]);
        var error = new IsValidOp(polygon).ValidationError;
        if (error is not null)
        {
            problem = $"the polygon is not valid: {error.Message.ToLowerInvariant()} near ({error.Coordinate?.X:0.#####}, {error.Coordinate?.Y:0.#####})";
            return null;
        }
        if (polygon.Area <= 0)
        {
            problem = "the polygon has no area";
            return null;
        }
        return polygon;
    }
}
