namespace CityTwin.Browser.Tests;

/// <summary>A point on the page where the map draws a feature of <see cref="Layer"/>.</summary>
public sealed record RenderedHit(double X, double Y, string Id, string Layer);
