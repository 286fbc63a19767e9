using CityTwin.Import.Crs;
using CityTwin.Import.Sources;
using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;


namespace CityTwin.Import.Checks;

/// <summary>
/// Brings one feature's geometry into the pack: reprojected to lon/lat, checked for the expected
/// shape and for sane coordinates, and repaired when invalid (NTS's GeometryFixer, which keeps
/// every area a self-intersecting ring encloses). What cannot be used is reported with the file
/// and the feature; what was repaired is noted.
/// </summary>
public sealed class GeometryCheck(string fileName, Reprojector reprojector, List<ImportProblem> problems, List<ImportProblem> notes)
{
    public NtsGeometry? Polygonal(SourceFeature feature, string label) => Take(feature, label, polygonal: true);

    public NtsGeometry? Lineal(SourceFeature feature, string label) => Take(feature, label, polygonal: false);

    private NtsGeometry? Take(SourceFeature feature, string label, bool polygonal)
    {
        if (feature.Geometry is null)
        {
            Reject(label, feature.GeometryError ?? "has no geometry");
            return null;
        }
        var expected = polygonal ? "Polygon or MultiPolygon" : "LineString or MultiLineString";
        var fits = polygonal ? feature.Geometry is Polygon or MultiPolygon : feature.Geometry is LineString or MultiLineString;
        if (!fits)
        {
            Reject(label, $"is a {feature.Geometry.GeometryType}, expected {expected}");
            return null;
        }
        if (!AllFinite(feature.Geometry))
        {
            Reject(label, "has coordinates that are not numbers (NaN or infinite)");
            return null;
        }
        NtsGeometry g;
        try
        {
            g = reprojector.ToWgs84(feature.Geometry);
        }
        catch (Exception ex) when (ex is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            Reject(label, $"could not be reprojected from {reprojector.Source.Label}: {ex.Message}");
            return null;
        }
        if (!AllFinite(g) || g.EnvelopeInternal is var e && (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90))
        {
            Reject(label, $"lies outside lon/lat range after reading it as {reprojector.Source.Label} (envelope {feature.Geometry.EnvelopeInternal}): is the CRS right?");
            return null;
        }
        if (polygonal && !g.IsValid)
        {
            var why = new IsValidOp(g).ValidationError?.Message ?? "invalid";
            var fixedGeometry = Polygons(GeometryFixer.Fix(g));
            if (fixedGeometry is null || fixedGeometry.IsEmpty || fixedGeometry.Area <= 0 || !fixedGeometry.IsValid)
            {
                Reject(label, $"has an invalid polygon ({why}) that could not be repaired");
                return null;
            }
            notes.Add(new ImportProblem(fileName, label, $"repaired an invalid polygon ({why})"));
            g = fixedGeometry;
        }
        if (polygonal && g.Area <= 0)
        {
            Reject(label, "encloses no area");
            return null;
        }
        return g;
    }

    private static NtsGeometry? Polygons(NtsGeometry g)
    {
        if (g is Polygon or MultiPolygon) return g;
        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().ToArray();
        return polygons.Length == 0 ? null : polygons.Length == 1 ? polygons[0] : g.Factory.CreateMultiPolygon(polygons);
    }

    private static bool AllFinite(NtsGeometry g) =>
        g.Coordinates.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y));

    private void Reject(string label, string message) => problems.Add(new ImportProblem(fileName, label, message));
}
