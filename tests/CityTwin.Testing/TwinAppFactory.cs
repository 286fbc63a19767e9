using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CityTwin.Testing;

/// <summary>
/// The real CityTwin web app with its embedded silo and simulator, kept apart from every other
/// host on the machine (own Orleans ports, own store folder), on the in-memory TestServer or on
/// Kestrel (see <see cref="TwinAppOptions"/>). As an xunit fixture it waits until the twin is live.
/// </summary>
public sealed class TwinAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IsolatedHost _isolation;
    private Uri? _baseAddress;

    public TwinAppFactory()
        : this(new TwinAppOptions())
    {
    }

    // Private: an xunit fixture may have one public constructor only; other hosts come from Create.
    private TwinAppFactory(TwinAppOptions options)
    {
        Options = options;
        _isolation = options.DataDirectory is null ? new IsolatedHost() : IsolatedHost.OnStore(options.DataDirectory);
        PointContentRootAtWebProject();
        if (options.Kestrel) UseKestrel(options.Port ?? 0);
    }

    public TwinAppOptions Options { get; }

    /// <summary>Folder of the host's SQLite store.</summary>
    public string DataDirectory => _isolation.DataDirectory;

    /// <summary>Where the app answers: the Kestrel address (http://127.0.0.1:port/), or the TestServer's.</summary>
    public Uri BaseAddress => Options.Kestrel ? Start() : Server.BaseAddress;

    /// <summary>A host configured by <paramref name="options"/>.</summary>
    public static TwinAppFactory Create(TwinAppOptions options) => new(options);

    /// <summary>A host on a given store (kept on dispose), e.g. to restart the app on what a previous host wrote.</summary>
    public static TwinAppFactory OnStore(string dataDirectory) => new(new TwinAppOptions { DataDirectory = dataDirectory });

    /// <summary>A host of another city: the pack folder is given as <c>City:Path</c>.</summary>
    public static TwinAppFactory ForCity(string packDirectory) =>
        new(new TwinAppOptions { Settings = new Dictionary<string, string> { ["City:Path"] = packDirectory } });

    /// <summary>Starts Kestrel (once) and returns its base address, http://127.0.0.1:port/.</summary>
    public Uri Start()
    {
        if (!Options.Kestrel) throw new InvalidOperationException("Start is for Kestrel hosts; a TestServer host starts on first use.");
        if (_baseAddress is not null) return _baseAddress;
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server did not report its addresses.");
        // Kestrel may report a wildcard or a name; clients on this machine want the loopback address.
        var address = addresses.First().Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        _baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return _baseAddress;
    }

    /// <summary>An HTTP client on the app: over loopback to Kestrel, or in memory to the TestServer.</summary>
    public HttpClient CreateHttpClient() =>
        Options.Kestrel ? new HttpClient { BaseAddress = Start() } : CreateClient();

    /// <summary>Waits until <c>/healthz</c> answers 200: the city is loaded and the first tick ingested.</summary>
    public async Task WaitUntilLiveAsync(TimeSpan? timeout = null)
    {
        using var client = CreateHttpClient();
        // Polled often: the start-up benchmark reads its figure from the moment this returns.
        await Wait.ForAsync(() => IsLiveAsync(client), live => live, timeout ?? Options.LiveTimeout, "the twin to report live on /healthz");
    }

    /// <summary>Polls <paramref name="url"/> until <paramref name="accept"/> holds or the deadline (15 s by default) passes.</summary>
    public async Task<T> PollAsync<T>(string url, Func<T, bool> accept, TimeSpan? timeout = null)
    {
        using var client = CreateHttpClient();
        return await PollAsync(client, url, accept, timeout);
    }

    /// <summary>Polls <paramref name="url"/> as <paramref name="client"/> (e.g. a planner, who alone sees unpublished scenarios).</summary>
    public static async Task<T> PollAsync<T>(HttpClient client, string url, Func<T, bool> accept, TimeSpan? timeout = null)
    {
        var last = await Wait.ForAsync(() => client.GetFromJsonAsync<T>(url), value => value is not null && accept(value),
            timeout ?? TimeSpan.FromSeconds(15), $"{url} to reach the expected state", TimeSpan.FromMilliseconds(200));
        return last!;
    }

    /// <summary>Starts the host and waits until the twin is live.</summary>
    public async Task InitializeAsync()
    {
        if (Options.Kestrel) Start();
        await WaitUntilLiveAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Options.Environment);
        // Never the app's 5080 from appsettings: a developer's app may hold it. Kestrel hosts take
        // the free port UseKestrel(0) asks for.
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        _isolation.Apply(builder);
        if (Options.FastClock)
        {
            builder.UseSetting("Simulation:TickInterval", "00:00:00.500");
            builder.UseSetting("Clock:Speed", "60");
        }
        if (Options.QuietLogs)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        }
        // Test clients on the in-memory server share one (empty) remote address: the per-address
        // sign-in limit would count every test's sign-ins together. Tests of that limit set it.
        builder.UseSetting("Security:SignInPermitLimit", "100000");
        foreach (var (key, value) in Options.Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _isolation.Dispose();
    }

    private static async Task<bool> IsLiveAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel is not listening yet.
            return false;
        }
    }

    /// <summary>
    /// WebApplicationFactory finds the app's content root through a manifest it reads from the
    /// working directory, which under <c>dotnet run</c> (benchmarks) or an artifacts path is not the
    /// output folder. Name the web project's folder through the factory's documented override instead.
    /// </summary>
    private static void PointContentRootAtWebProject()
    {
        const string key = "ASPNETCORE_TEST_CONTENTROOT_CITYTWIN_WEB";
        if (Environment.GetEnvironmentVariable(key) is null)
            Environment.SetEnvironmentVariable(key, RepoPaths.Combine("web", "CityTwin.Web"));
    }
}
