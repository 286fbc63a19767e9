namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// The list of scenarios (key: <see cref="Key"/>), durable, so the runs list survives restarts and
/// failovers. Scenario grains report their status and progress here.
/// </summary>
[Alias("CityTwin.IScenarioRegistryGrain")]
public interface IScenarioRegistryGrain : IGrainWithStringKey
{
    const string Key = "scenarios";

    [Alias("Upsert")] Task UpsertAsync(ScenarioSummary summary);

    [Alias("Remove")] Task RemoveAsync(string id);

    /// <summary>Newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<ScenarioSummary>> ListAsync();
}
