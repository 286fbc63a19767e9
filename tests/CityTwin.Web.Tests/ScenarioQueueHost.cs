namespace CityTwin.Web.Tests;

/// <summary>
/// The real app with a small scenario share set through its configuration keys: two runs compute at
/// once on one worker thread, so a handful of runs is enough to fill the queue.
/// </summary>
public sealed class ScenarioQueueHost : IAsyncLifetime
{
    public const int MaxConcurrentRuns = 2;

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Scenarios:MaxConcurrentRuns"] = MaxConcurrentRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scenarios:Workers"] = "1",
        },
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
