using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityTwin.Import.Crs;

/// <summary>Moves geometries from a file's CRS to WGS84 lon/lat (the only CRS a city pack holds).</summary>
public sealed class Reprojector
{
    private static readonly CoordinateTransformationFactory Transformations = new();
    private readonly MathTransform? _transform;

    public Reprojector(CrsDefinition source)
    {
        Source = source;
        _transform = source.IsWgs84LonLat ? null : Transformations.CreateFromCoordinateSystems(source.System, GeographicCoordinateSystem.WGS84).MathTransform;
    }

    public CrsDefinition Source { get; }

    /// <summary>A copy of <paramref name="geometry"/> in lon/lat.</summary>
    public Geometry ToWgs84(Geometry geometry)
    {
        if (_transform is null) return geometry.Copy();
        var copy = geometry.Copy();
        copy.Apply(new ToLonLat(_transform));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ToLonLat(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
