namespace CityTwin.Benchmarks;

/// <summary>A client's map view: bbox in WGS84 degrees, zoom, and how many assets it holds.</summary>
public sealed record Viewbox(string Name, double West, double South, double East, double North, double Zoom, int Assets);
