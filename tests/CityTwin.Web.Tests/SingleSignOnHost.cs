using CityTwin.Testing.Oidc;

namespace CityTwin.Web.Tests;

/// <summary>
/// A real OpenID Connect provider and the CityTwin app on Kestrel, configured against it as a city
/// would configure its own provider (plain HTTP allowed: both are on loopback).
/// </summary>
public sealed class SingleSignOnHost : IAsyncLifetime
{
    public TestOidcServer Provider { get; private set; } = null!;

    public TwinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcServer.StartAsync();
        App = TwinAppFactory.Create(new TwinAppOptions
        {
            Kestrel = true,
            Settings = new Dictionary<string, string>
            {
                ["Security:SingleSignOn:Authority"] = Provider.Authority.ToString(),
                ["Security:SingleSignOn:ClientId"] = TestOidcServer.ClientId,
                ["Security:SingleSignOn:ClientSecret"] = TestOidcServer.ClientSecret,
                ["Security:SingleSignOn:DisplayName"] = "Test city account",
                ["Security:SingleSignOn:RequireHttpsMetadata"] = "false",
                ["Security:SingleSignOn:Scopes:0"] = "profile",
                ["Security:SingleSignOn:Scopes:1"] = "roles",
                // Spelt unlike the provider's "city-planning": configuration keys carry no case.
                ["Security:SingleSignOn:RoleMap:City-Planning"] = Roles.Planner,
                ["Security:SingleSignOn:RoleMap:ops-centre"] = Roles.Operator,
            },
        });
        await App.InitializeAsync();
        // The app's callback address is known only once Kestrel has its port.
        await Provider.RegisterClientAsync(App.Start());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
