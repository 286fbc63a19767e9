namespace CityTwin.Abstractions.History;

/// <summary>The points of a history query that hold data, oldest first (steps without data are left out).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.HistorySeries")]
public sealed record HistorySeries(
    [property: Id(0)] int StepMinutes,
    [property: Id(1)] IReadOnlyList<HistoryPoint> Points)
{
    public static HistorySeries Empty(int stepMinutes) => new(stepMinutes, []);
}
