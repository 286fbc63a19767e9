using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// A real cluster on this machine: a fresh PostgreSQL database, two silo processes, a web node and
/// the simulator, on free loopback ports, plus an Orleans client in the test for management queries.
/// Shared by the tests of <see cref="ClusterCollection"/>.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly List<NodeProcess> _nodes = [];
    private ClusterDatabase? _database;
    private IHost? _client;

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];
    public ClusterDatabase Database => _database ?? throw new InvalidOperationException("not started");
    public IReadOnlyList<SiloNode> Silos { get; private set; } = [];
    public NodeProcess Web { get; private set; } = null!;
    public NodeProcess Simulator { get; private set; } = null!;
    public Uri WebUrl { get; private set; } = null!;
    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _database = await ClusterDatabase.CreateAsync();
        Silos = [StartSilo("silo1"), StartSilo("silo2")];
        foreach (var silo in Silos) await WaitHealthyAsync(silo.Process, silo.HealthUrl);

        var webPort = FreePort.Next();
        WebUrl = new Uri($"http://127.0.0.1:{webPort}");
        Web = Start("web", RepoPaths.Combine("web", "CityTwin.Web", "bin", Configuration, "net10.0", "CityTwin.Web.dll"), new()
        {
            ["Urls"] = WebUrl.ToString(),
            // A deployment passes the first admin's password as a secret; the accounts live in PostgreSQL.
            ["Accounts__InitialAdminPassword"] = AdminPassword,
        });
        Simulator = Start("sim", RepoPaths.Combine("sim", "CityTwin.Sim", "bin", Configuration, "net10.0", "CityTwin.Sim.dll"), new()
        {
            ["Simulation__TickInterval"] = "00:00:00.500",
        });
        // The web node is healthy once frames from the silos reach it, i.e. the whole path works.
        await WaitHealthyAsync(Web, new Uri(WebUrl, "/healthz"));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", Database.ConnectionString)));
        _client = builder.Build();
        await _client.StartAsync();
    }

    /// <summary>The first administrator's password, given to the web node as a deployment would.</summary>
    public const string AdminPassword = "cluster administrator passphrase";

    /// <summary>
    /// An HTTP client on the web node with an admin's API token, made the way a person would: sign in
    /// with the password (session cookie), then create a token with the session's anti-forgery token.
    /// </summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new(), UseCookies = true }) { BaseAddress = WebUrl, Timeout = TimeSpan.FromSeconds(30) };
        var signedIn = await session.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = AdminPassword });
        if (!signedIn.IsSuccessStatusCode) throw new InvalidOperationException($"admin sign-in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}\n{Logs()}");
        var me = await session.GetFromJsonAsync<JsonElement>("/api/account/me");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/tokens") { Content = JsonContent.Create(new { name = "cluster tests", scopes = new[] { "admin" } }) };
        request.Headers.Add("X-CSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        var created = await session.SendAsync(request);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"token: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        var client = new HttpClient { BaseAddress = WebUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// Starts one more web node of this cluster and waits until it is healthy; returns its address.
    /// Extra settings are in environment form (e.g. <c>Feeds__Mqtt__Broker</c>).
    /// </summary>
    public async Task<(NodeProcess Node, Uri Url)> StartWebNodeAsync(string name, Dictionary<string, string>? settings = null)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        settings = settings is null ? [] : new Dictionary<string, string>(settings);
        settings["Urls"] = url.ToString();
        settings.TryAdd("Accounts__InitialAdminPassword", AdminPassword);
        var node = Start(name, RepoPaths.Combine("web", "CityTwin.Web", "bin", Configuration, "net10.0", "CityTwin.Web.dll"), settings);
        await WaitHealthyAsync(node, new Uri(url, "/healthz"));
        return (node, url);
    }

    /// <summary>Starts one more silo of this cluster (for tests that stop it themselves).</summary>
    public SiloNode StartSilo(string name)
    {
        var siloPort = FreePort.Next();
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = Start(name, RepoPaths.Combine("silo", "CityTwin.Silo", "bin", Configuration, "net10.0", "CityTwin.Silo.dll"), new()
        {
            ["Urls"] = http.ToString(),
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        return new SiloNode(process, siloPort, new Uri(http, "/healthz"));
    }

    public async Task WaitHealthyAsync(NodeProcess node, Uri health)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (node.HasExited) throw new InvalidOperationException($"{node.Name} exited with {node.ExitCode}\n{node.Tail()}");
            try
            {
                if ((await http.GetAsync(health)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(300);
        }
        throw new TimeoutException($"{node.Name} not healthy at {health} within {StartTimeout.TotalSeconds} s\n{Logs()}");
    }

    /// <summary>Output of every process, for failure messages.</summary>
    public string Logs() => string.Join("\n", _nodes.Select(n => n.Tail(25)));

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            try
            {
                await _client.StopAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                // the cluster may already be gone
            }
            _client.Dispose();
        }
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private NodeProcess Start(string name, string dll, Dictionary<string, string> environment)
    {
        environment["Orleans__Mode"] = "Cluster";
        environment["Orleans__ClusterId"] = ClusterId;
        environment["Orleans__ServiceId"] = ClusterId;
        environment["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        environment["ConnectionStrings__Orleans"] = Database.ConnectionString;
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var node = NodeProcess.Start(name, dll, environment);
        _nodes.Add(node);
        return node;
    }
}
