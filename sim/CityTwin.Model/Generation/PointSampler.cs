using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Generation;

/// <summary>Uniform random points inside a polygon by rejection sampling within its envelope.</summary>
public sealed class PointSampler(Geometry area)
{
    private readonly IndexedPointInAreaLocator _locator = new(area);
    private readonly Envelope _envelope = area.EnvelopeInternal;

    public Coordinate Sample(Random random)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var c = new Coordinate(
                _envelope.MinX + random.NextDouble() * _envelope.Width,
                _envelope.MinY + random.NextDouble() * _envelope.Height);
            if (_locator.Locate(c) == Location.Interior) return c;
        }
        // Slivers with almost no area: their interior point is still inside.
        return area.InteriorPoint.Coordinate;
    }
}
