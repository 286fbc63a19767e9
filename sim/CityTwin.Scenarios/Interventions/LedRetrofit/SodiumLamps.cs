namespace CityTwin.Scenarios.Interventions.LedRetrofit;

/// <summary>
/// Per streetlight circuit of a plan: the share of its sodium lamps not yet converted, and their
/// wattage relative to all-sodium. Kept across LED retrofits so a second one cannot convert a lamp twice.
/// </summary>
internal sealed class SodiumLamps(int circuits)
{
    public double[] Left { get; } = [.. Enumerable.Repeat(1.0, circuits)];
    public double[] Watts { get; } = [.. Enumerable.Repeat(1.0, circuits)];
}
