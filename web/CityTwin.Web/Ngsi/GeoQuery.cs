using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// A geo-query (<c>georel</c>, <c>geometry</c>, <c>coords</c>) over the entities' <c>location</c>, in WGS84.
/// <c>near</c> measures metres on a local plane around the query point (exact enough within the
/// 50 km a query may reach); the other relations are the OGC simple-feature predicates of NetTopologySuite.
/// </summary>
public sealed class GeoQuery
{
    // WGS84 ellipsoid: semi-major axis and first eccentricity squared.
    private const double A = 6_378_137;
    private const double E2 = 6.69437999014e-3;
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    private readonly IPreparedGeometry _prepared;

    private GeoQuery(string relation, Geometry geometry, double? maxDistance, double? minDistance)
    {
        Relation = relation;
        Geometry = geometry;
        MaxDistance = maxDistance;
        MinDistance = minDistance;
        _prepared = PreparedGeometryFactory.Prepare(geometry);
    }

    public string Relation { get; }
    public Geometry Geometry { get; }
    public double? MaxDistance { get; }
    public double? MinDistance { get; }

    public bool Matches(Geometry location) => Relation switch
    {
        "near" => Near(location),
        "within" => _prepared.Contains(location),
        "contains" => _prepared.Within(location),
        "intersects" => _prepared.Intersects(location),
        "disjoint" => _prepared.Disjoint(location),
        "overlaps" => _prepared.Overlaps(location),
        "equals" => Geometry.EqualsTopologically(location),
        _ => false,
    };

    private bool Near(Geometry location)
    {
        var centre = (Point)Geometry;
        // The ellipsoid's radii of curvature at the query's latitude give metres per degree there.
        var phi = centre.Y * Math.PI / 180;
        var w = 1 - E2 * Math.Sin(phi) * Math.Sin(phi);
        var metresPerDegreeLat = A * (1 - E2) / Math.Pow(w, 1.5) * Math.PI / 180;
        var metresPerDegreeLon = A / Math.Sqrt(w) * Math.Cos(phi) * Math.PI / 180;
        if (MaxDistance is { } max)
        {
            // Cheap refusal first: the location's box lies wholly beyond reach.
            var e = location.EnvelopeInternal;
            var dx = Math.Max(0, Math.Max(e.MinX - centre.X, centre.X - e.MaxX)) * metresPerDegreeLon;
            var dy = Math.Max(0, Math.Max(e.MinY - centre.Y, centre.Y - e.MaxY)) * metresPerDegreeLat;
            if (dx > max || dy > max) return false;
        }
        var local = location.Copy();
        local.Apply(new LocalPlane(centre.X, centre.Y, metresPerDegreeLon, metresPerDegreeLat));
        var distance = local.Distance(Factory.CreatePoint(new Coordinate(0, 0)));
        return (MaxDistance is not { } mx || distance <= mx) && (MinDistance is not { } mn || distance >= mn);
    }

    /// <summary>Parses the three parameters; null and a problem naming the parameter at fault when they do not make a query.</summary>
    public static (GeoQuery? Query, NgsiProblem? Problem) Parse(string? georel, string? geometry, string? coords, string? geoproperty)
    {
        if (georel is null && geometry is null && coords is null)
            return geoproperty is null or NgsiTypes.Location ? (null, null) : (null, NgsiProblem.BadData("geoproperty", "Only 'location' is a GeoProperty here"));
        if (georel is null) return (null, NgsiProblem.BadData("georel", "A geo-query needs georel, geometry and coords together"));
        if (geometry is null) return (null, NgsiProblem.BadData("geometry", "A geo-query needs georel, geometry and coords together"));
        if (coords is null) return (null, NgsiProblem.BadData("coords", "A geo-query needs georel, geometry and coords together"));
        if (geoproperty is not (null or NgsiTypes.Location)) return (null, NgsiProblem.BadData("geoproperty", "Only 'location' is a GeoProperty here"));

        var parts = georel.Split(';');
        var relation = parts[0];
        if (relation is not ("near" or "within" or "contains" or "intersects" or "disjoint" or "overlaps" or "equals"))
            return (null, NgsiProblem.BadData("georel", $"Unknown relation '{InputEcho.Clip(relation)}': use near;maxDistance==metres, near;minDistance==metres, within, contains, intersects, disjoint, overlaps or equals"));
        double? max = null, min = null;
        foreach (var modifier in parts.Skip(1))
        {
            var kv = modifier.Split("==");
            if (relation != "near" || kv.Length != 2 || kv[0] is not ("maxDistance" or "minDistance")
                || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) || !double.IsFinite(metres) || metres < 0)
                return (null, NgsiProblem.BadData("georel", $"'{InputEcho.Clip(modifier)}' is not a distance: near takes maxDistance==metres or minDistance==metres (0 or more)"));
            if (kv[0] == "maxDistance") max = metres; else min = metres;
        }
        if (relation == "near" && max is null && min is null)
            return (null, NgsiProblem.BadData("georel", "near needs maxDistance==metres or minDistance==metres"));
        if (max > NgsiLd.MaxNearDistanceMetres)
            return (null, NgsiProblem.BadData("georel", $"maxDistance is at most {NgsiLd.MaxNearDistanceMetres:0} m; for more, page through the entities of a type"));

        var (shape, error) = ParseGeometry(geometry, coords);
        if (shape is null) return (null, error);
        if (relation == "near" && shape is not Point) return (null, NgsiProblem.BadData("geometry", "near measures from a Point"));
        if (relation is "within" && shape is not (Polygon or MultiPolygon)) return (null, NgsiProblem.BadData("geometry", "within needs a Polygon or MultiPolygon"));
        return (new GeoQuery(relation, shape, max, min), null);
    }

    private static (Geometry? Shape, NgsiProblem? Problem) ParseGeometry(string geometry, string coords)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(coords, new JsonDocumentOptions { MaxDepth = 8 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, NgsiProblem.BadData("coords", "coords is a JSON array of [longitude, latitude] positions, e.g. [126.65,37.45]"));
        }
        try
        {
            var count = 0;
            Geometry shape = geometry switch
            {
                "Point" => Factory.CreatePoint(Position(root, ref count)),
                "LineString" => Factory.CreateLineString(Positions(root, ref count, 2)),
                "Polygon" => ParsePolygon(root, ref count),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. Items(root).Select(p => ParsePolygon(p, ref count))]),
                _ => throw new GeometryException("geometry", $"Unknown geometry '{InputEcho.Clip(geometry)}': use Point, LineString, Polygon or MultiPolygon"),
            };
            if (!shape.IsValid) throw new GeometryException("coords", $"The {geometry} is not valid (a ring crosses itself or is not closed)");
            return (shape, null);
        }
        catch (GeometryException e)
        {
            return (null, NgsiProblem.BadData(e.Parameter, e.Message));
        }
    }

    private static Polygon ParsePolygon(JsonElement e, ref int count)
    {
        var rings = new List<LinearRing>();
        foreach (var ring in Items(e))
        {
            var positions = Positions(ring, ref count, 4);
            if (!positions[0].Equals2D(positions[^1])) throw new GeometryException("coords", "A polygon's ring ends where it starts");
            rings.Add(Factory.CreateLinearRing(positions));
        }
        if (rings.Count == 0) throw new GeometryException("coords", "A polygon has at least one ring");
        return Factory.CreatePolygon(rings[0], [.. rings.Skip(1)]);
    }

    private static Coordinate[] Positions(JsonElement e, ref int count, int least)
    {
        var list = new List<Coordinate>();
        foreach (var p in Items(e)) list.Add(Position(p, ref count));
        if (list.Count < least) throw new GeometryException("coords", $"Expected at least {least} positions, got {list.Count}");
        return [.. list];
    }

    private static Coordinate Position(JsonElement e, ref int count)
    {
        if (++count > NgsiLd.MaxGeometryPositions) throw new GeometryException("coords", $"At most {NgsiLd.MaxGeometryPositions} positions");
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is < 2 or > 3
            || e[0].ValueKind != JsonValueKind.Number || e[1].ValueKind != JsonValueKind.Number
            || !e[0].TryGetDouble(out var lon) || !e[1].TryGetDouble(out var lat))
            throw new GeometryException("coords", "A position is [longitude, latitude] in numbers");
        if (lon is < -180 or > 180 || lat is < -90 or > 90) throw new GeometryException("coords", "Longitude is -180 to 180 and latitude -90 to 90");
        return new Coordinate(lon, lat);
    }

    private static IEnumerable<JsonElement> Items(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new GeometryException("coords", "Expected a JSON array");


    private sealed class GeometryException(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }

    /// <summary>Degrees to metres east and north of an origin (an equirectangular plane; fine for tens of kilometres).</summary>
    private sealed class LocalPlane(double lon0, double lat0, double metresPerDegreeLon, double metresPerDegreeLat) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, (seq.GetX(i) - lon0) * metresPerDegreeLon);
                seq.SetY(i, (seq.GetY(i) - lat0) * metresPerDegreeLat);
            }
        }
    }
}
