namespace CityTwin.Abstractions.History;

/// <summary>
/// A dong at one past minute, for replay: the status of each asset that had been heard by then
/// (catalogue asset index and <see cref="Assets.AssetStatus"/> as a byte) and the dong's KPIs
/// (<see cref="Kpis.KpiNames.All"/> order), null when its history holds nothing at that minute.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ReplaySlice")]
public sealed record ReplaySlice(
    [property: Id(0)] int[] AssetIndexes,
    [property: Id(1)] byte[] Statuses,
    [property: Id(2)] float[]? Kpis);
