namespace CityTwin.Storage.Tests;

/// <summary>A state holding a dictionary and a list, shaped like the scenario registry's.</summary>
public sealed class PreviousRegistry
{
    public Dictionary<string, PreviousClock> Clocks { get; set; } = new(StringComparer.Ordinal);
    public List<double> Values { get; set; } = [];
}
