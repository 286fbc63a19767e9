using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// One district's share of a scenario run (key: <c>{scenarioId}/{guCode}</c>). Keyed grains are
/// placed across the cluster's silos, so a run's districts compute in parallel on every machine.
/// </summary>
[Alias("CityTwin.IScenarioPartitionGrain")]
public interface IScenarioPartitionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Answers when the district has computed, which includes waiting behind the other districts on
    /// the silo's scenario workers: far longer than the default 30 s response timeout on a loaded
    /// machine (with that timeout, 20 week-long runs posted together all failed). A silo that dies
    /// still fails the call at once through membership, so a long timeout hides nothing.
    /// </summary>
    [Alias("Run"), ResponseTimeout("06:00:00")] Task<PartitionOutcome> RunAsync(ScenarioDefinition definition, IScenarioGrain owner);

    [Alias("Cancel")] Task CancelAsync();

    /// <summary>
    /// The KPI time series of this district or one of its dongs, recomputed: the engine is
    /// deterministic, so this equals what the run computed, without storing every dong's series.
    /// </summary>
    [Alias("Series")] Task<AreaSeries> SeriesAsync(ScenarioDefinition definition, string areaCode);
}
