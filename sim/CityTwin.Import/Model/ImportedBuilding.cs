namespace CityTwin.Import.Model;

/// <summary>A mapped building footprint (lon/lat) with its height when the file gives one (0 = unknown).</summary>
public sealed record ImportedBuilding(NetTopologySuite.Geometries.Geometry Footprint, string? Name, double HeightM);
