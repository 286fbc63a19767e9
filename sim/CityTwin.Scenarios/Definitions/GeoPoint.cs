namespace CityTwin.Scenarios.Definitions;

/// <summary>A WGS84 position, longitude first as in GeoJSON.</summary>
public readonly record struct GeoPoint(double Lon, double Lat);
