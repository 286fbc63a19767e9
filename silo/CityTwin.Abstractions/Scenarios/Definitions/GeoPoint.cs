namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>A WGS84 position, longitude first as in GeoJSON.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.GeoPoint")]
public readonly record struct GeoPoint([property: Id(0)] double Lon, [property: Id(1)] double Lat);
