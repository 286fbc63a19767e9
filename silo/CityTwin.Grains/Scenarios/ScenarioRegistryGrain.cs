using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Storage;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// The durable list of scenarios. Progress updates are frequent while runs go on, so only changes
/// of status are written; progress lives in memory and is rebuilt by the next report.
/// </summary>
public sealed class ScenarioRegistryGrain(
    [PersistentState("scenarios", StorageNames.Durable)] IPersistentState<ScenarioRegistryState> stored)
    : Grain, IScenarioRegistryGrain
{
    public async Task UpsertAsync(ScenarioSummary summary)
    {
        var previous = stored.State.Scenarios.GetValueOrDefault(summary.Id);
        stored.State.Scenarios[summary.Id] = summary;
        if (previous is null || previous.Status != summary.Status || previous.Name != summary.Name)
            await stored.WriteStateAsync();
    }

    public async Task RemoveAsync(string id)
    {
        if (stored.State.Scenarios.Remove(id)) await stored.WriteStateAsync();
    }

    public Task<IReadOnlyList<ScenarioSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ScenarioSummary>>([.. stored.State.Scenarios.Values.OrderByDescending(s => s.CreatedAt)]);
}
