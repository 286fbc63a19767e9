using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using Orleans.Concurrency;

namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// One what-if scenario (key: scenario id): its definition, status, progress and results, all
/// durable. Definition and results are typed records: the grain stores exactly the definition the
/// engine runs, and callers never parse what another process wrote.
/// </summary>
[Alias("CityTwin.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>Stores the (already validated) definition and queues the run on behalf of <paramref name="owner"/>.</summary>
    [Alias("StartOwned")] Task<ScenarioSummary> StartAsync(ScenarioDefinition definition, string owner);

    /// <summary>Publishes a completed scenario (everyone may read it) or takes it back; null when there is no such scenario.</summary>
    [Alias("SetPublished")] Task<ScenarioSummary?> SetPublishedAsync(bool published, string by);

    [Alias("GetSummary")] Task<ScenarioSummary?> GetSummaryAsync();

    [Alias("GetDefinition")] Task<ScenarioDefinition?> GetDefinitionAsync();

    /// <summary>The results document (what the API answers), or null until completed.</summary>
    [Alias("GetResults")] Task<ScenarioResultsDocument?> GetResultsAsync();

    /// <summary>Cancels a queued or running run; returns the summary after the change.</summary>
    [Alias("Cancel")] Task<ScenarioSummary?> CancelAsync();

    /// <summary>Forgets a finished scenario (definition and results).</summary>
    [Alias("Delete")] Task DeleteAsync();

    /// <summary>A partition reports how many simulated steps it has done (baseline and scenario).</summary>
    [OneWay, Alias("ReportProgress")] Task ReportProgressAsync(string guCode, int stepsDone);
}
