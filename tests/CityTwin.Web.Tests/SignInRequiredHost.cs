namespace CityTwin.Web.Tests;

/// <summary>A city that requires sign-in for everything, with a sign-in limit small enough to reach and sessions looked at on every request.</summary>
public sealed class SignInRequiredHost : IAsyncLifetime
{
    public const int SignInPermitLimit = 4;

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Security:RequireSignIn"] = "true",
            ["Security:SignInPermitLimit"] = SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:SignInWindow"] = "01:00:00",
            ["Security:SessionRevalidation"] = "00:00:00",
        },
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
