using CityTwin.Abstractions.Drills;
using CityTwin.Abstractions.Storage;

namespace CityTwin.Grains.Drills;

/// <summary>The durable list of drill runs (<see cref="IDrillRunsGrain"/>); the oldest ended runs go past <see cref="MaxRuns"/>.</summary>
public sealed class DrillRunsGrain(
    [PersistentState("drill-runs", StorageNames.Durable)] IPersistentState<DrillRunsState> stored)
    : Grain, IDrillRunsGrain
{
    public const int MaxRuns = 500;

    public async Task PutAsync(DrillRunInfo run)
    {
        var runs = stored.State.Runs;
        runs[run.RunId] = run;
        if (runs.Count > MaxRuns)
            foreach (var old in runs.Values.Where(r => r.Status != DrillRunStatus.Running).OrderBy(r => r.StartedAt).Take(runs.Count - MaxRuns).ToList())
                runs.Remove(old.RunId);
        await stored.WriteStateAsync();
    }

    public Task<IReadOnlyList<DrillRunInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DrillRunInfo>>([.. stored.State.Runs.Values.OrderByDescending(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> RunningAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. stored.State.Runs.Values.Where(r => r.Status == DrillRunStatus.Running).Select(r => r.RunId)]);
}
