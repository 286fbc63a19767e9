namespace CityTwin.Web.Tests;

/// <summary>The real app with limits small enough to reach in a test, set through its configuration keys.</summary>
public sealed class TightLimitsHost : IAsyncLifetime
{
    public const int PermitLimit = 3;

    public const int ClockBodyBytes = 64;

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Boundaries:ScenarioSubmissions:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Boundaries:ScenarioSubmissions:Window"] = "01:00:00",
            ["Boundaries:ClockBodyBytes"] = ClockBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
