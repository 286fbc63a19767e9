using CityTwin.Scenarios.Kpis;

namespace CityTwin.Scenarios.Results;

/// <summary>
/// The additive channels of one run (baseline or scenario) of one area: <see cref="Values"/> holds
/// <see cref="ChannelCount"/> blocks of <see cref="Steps"/> values, channel by channel. Plain arrays
/// so the series serialise as they are.
/// </summary>
public sealed record ChannelSeries(int Steps, double[] Values)
{
    public const int ChannelCount = (int)ScenarioChannel.HeatExposedPopulation + 1;

    public static ChannelSeries Zero(int steps) => new(steps, new double[ChannelCount * steps]);

    public double this[ScenarioChannel channel, int step] => Values[(int)channel * Steps + step];

    public ReadOnlySpan<double> Channel(ScenarioChannel channel) => Values.AsSpan((int)channel * Steps, Steps);

    /// <summary>Element-wise sum, in the order given (callers fix the order so sums are bit-reproducible).</summary>
    public static ChannelSeries Sum(int steps, IEnumerable<ChannelSeries> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = new double[ChannelCount * steps];
        foreach (var part in parts)
        {
            if (part.Steps != steps) throw new ArgumentException($"a part has {part.Steps} steps, expected {steps}", nameof(parts));
            var values = part.Values;
            for (var i = 0; i < total.Length; i++) total[i] += values[i];
        }
        return new ChannelSeries(steps, total);
    }

    /// <summary>True when both hold exactly the same bits (records compare arrays by reference).</summary>
    public bool SameAs(ChannelSeries other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Steps != other.Steps || Values.Length != other.Values.Length) return false;
        for (var i = 0; i < Values.Length; i++)
            if (BitConverter.DoubleToInt64Bits(Values[i]) != BitConverter.DoubleToInt64Bits(other.Values[i])) return false;
        return true;
    }
}
