namespace CityTwin.Web.Tests;

/// <summary>
/// The real app in the Production environment for the boundary tests: the binding errors must read
/// the same there as in Development. Scenario submissions are not rate limited here, so thousands
/// of generated requests reach the binding and validation they are meant to probe.
/// </summary>
public sealed class BoundaryHost : IAsyncLifetime
{
    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        Environment = "Production",
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Boundaries:ScenarioSubmissions:PermitLimit"] = "1000000",
        },
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
