using CityTwin.Testing;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// The real CityTwin web app (embedded silo, simulator, SignalR hub) on Kestrel at a free
/// loopback port, in Production mode with warnings-only logging, plus the caller's settings.
/// Clients connect over real WebSockets, as browsers do.
/// </summary>
public sealed class BenchAppFactory : WebApplicationFactory<Program>
{
    private readonly IsolatedHost _isolation = new();

    private readonly IReadOnlyDictionary<string, string> _settings;

    public BenchAppFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        PointContentRootAtWebProject();
    }

    /// <summary>
    /// WebApplicationFactory looks for its manifest in the working directory, which under
    /// <c>dotnet run</c> is wherever the command was typed; read it from beside the program instead
    /// and hand the web project's directory over through the factory's documented override setting.
    /// </summary>
    private static void PointContentRootAtWebProject()
    {
        const string key = "ASPNETCORE_TEST_CONTENTROOT_CITYTWIN_WEB";
        if (Environment.GetEnvironmentVariable(key) is not null) return;
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (!File.Exists(manifest)) return;
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var name = typeof(Program).Assembly.FullName ?? "";
        if (json.RootElement.TryGetProperty(name, out var dir) && dir.GetString() is { } path)
            Environment.SetEnvironmentVariable(key, path);
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
        builder.UseEnvironment("Production");
        // Never the app's 5080 or the silo's defaults: a developer's app or a test host may hold them.
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        _isolation.Apply(builder);
        builder.UseSetting("Orleans:ClusterId", $"bench-{Environment.ProcessId}");
        builder.UseSetting("Orleans:ServiceId", $"bench-{Environment.ProcessId}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _isolation.Dispose();
    }
}
