namespace CityTwin.Abstractions.Drills;

/// <summary>
/// The list of the city's drill runs (key: <see cref="Key"/>), durable: what ran, who started it and
/// how it ended. Each run grain reports its changes here.
/// </summary>
[Alias("CityTwin.IDrillRunsGrain")]
public interface IDrillRunsGrain : IGrainWithStringKey
{
    const string Key = "runs";

    [Alias("Put")] Task PutAsync(DrillRunInfo run);

    /// <summary>Every run kept, newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<DrillRunInfo>> ListAsync();

    /// <summary>Ids of the runs still running.</summary>
    [Alias("Running")] Task<IReadOnlyList<string>> RunningAsync();
}
