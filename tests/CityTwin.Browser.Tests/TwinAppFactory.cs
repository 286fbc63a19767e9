using CityTwin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Browser.Tests;

/// <summary>The real CityTwin app on Kestrel with a free port, so that a real browser can reach it.</summary>
public sealed class TwinAppFactory : WebApplicationFactory<Program>
{
    private readonly IsolatedHost _isolation = new();

    public TwinAppFactory()
    {
        UseKestrel(0);
    }

    /// <summary>Starts the server and returns its base address (http://127.0.0.1:port/).</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server did not report its addresses.");
        var address = addresses.First().Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        _isolation.Apply(builder);
        // A faster simulated clock so live changes show within a test's patience.
        builder.UseSetting("Simulation:TickInterval", "00:00:00.500");
        builder.UseSetting("Clock:Speed", "60");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _isolation.Dispose();
    }
}
