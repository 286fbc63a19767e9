using Orleans.Concurrency;

namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// One what-if scenario (key: scenario id): its definition, status, progress and results, all
/// durable. The definition travels as JSON so the grain stores exactly what the planner sent.
/// </summary>
[Alias("CityTwin.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>Stores the (already validated) definition and queues the run.</summary>
    [Alias("Start")] Task<ScenarioSummary> StartAsync(string name, string definitionJson, double horizonHours, double stepMinutes);

    [Alias("GetSummary")] Task<ScenarioSummary?> GetSummaryAsync();

    [Alias("GetDefinition")] Task<string?> GetDefinitionAsync();

    /// <summary>The results as JSON (the API's results document), or null until completed.</summary>
    [Alias("GetResults")] Task<string?> GetResultsAsync();

    /// <summary>Cancels a queued or running run; returns the summary after the change.</summary>
    [Alias("Cancel")] Task<ScenarioSummary?> CancelAsync();

    /// <summary>Forgets a finished scenario (definition and results).</summary>
    [Alias("Delete")] Task DeleteAsync();

    /// <summary>A partition reports how many simulated steps it has done (baseline and scenario).</summary>
    [OneWay, Alias("ReportProgress")] Task ReportProgressAsync(string districtCode, int stepsDone);
}
