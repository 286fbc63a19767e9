using CityTwin.Abstractions.Indicators;

namespace CityTwin.Grains.Indicators;

/// <summary>Stored state of <see cref="IndicatorTargetsGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.IndicatorTargetsState")]
public sealed class IndicatorTargetsState
{
    [Id(0)] public Dictionary<string, IndicatorTarget> Targets { get; set; } = new(StringComparer.Ordinal);
}
