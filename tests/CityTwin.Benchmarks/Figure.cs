namespace CityTwin.Benchmarks;

/// <summary>One measured figure, with the 1/5/15-minute load average of the machine when it was taken.</summary>
public sealed record Figure(string Name, double Value, string Unit, string Load);
