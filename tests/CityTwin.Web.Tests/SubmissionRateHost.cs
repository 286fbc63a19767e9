namespace CityTwin.Web.Tests;

/// <summary>The real app with a scenario submission limit small enough to reach in a test.</summary>
public sealed class SubmissionRateHost : IAsyncLifetime
{
    public const int PermitLimit = 3;

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Boundaries:ScenarioSubmissions:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Boundaries:ScenarioSubmissions:Window"] = "01:00:00",
        },
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
