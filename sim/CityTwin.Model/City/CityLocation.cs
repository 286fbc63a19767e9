namespace CityTwin.Model.City;

/// <summary>The point the sun is computed for: a city spans well under a degree, so one point serves every asset (±2 min).</summary>
public sealed record CityLocation(double Latitude, double Longitude);
