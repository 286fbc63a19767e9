using ProjNet.CoordinateSystems;

namespace CityTwin.Import.Crs;

/// <summary>A coordinate reference system and how the user or the file named it (for messages and the manifest).</summary>
public sealed record CrsDefinition(string Label, CoordinateSystem System)
{
    public bool IsWgs84LonLat => System is GeographicCoordinateSystem g && g.EqualParams(GeographicCoordinateSystem.WGS84);
}
