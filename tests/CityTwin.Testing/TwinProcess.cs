using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Testing;

/// <summary>
/// The real app as its own process (<c>dotnet CityTwin.Web.dll</c>), embedded mode, on free
/// loopback ports and its own store folder: what a city switch restarts is the process's host
/// loop, which an in-memory test host does not run. Output is kept for failure messages.
/// </summary>
public sealed class TwinProcess : IAsyncDisposable
{
    public const string AdminPassword = "switching administrator passphrase";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private TwinProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        Pid = process.Id;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Url { get; }
    public int Pid { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app on <paramref name="dataDirectory"/> (store, accounts, the remembered city) with <paramref name="settings"/> as command-line settings.</summary>
    public static TwinProcess Start(string dataDirectory, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoPaths.Combine("web", "CityTwin.Web", "bin", configuration, "net10.0", "CityTwin.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built", dll);
        var url = new Uri($"http://127.0.0.1:{port ?? FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        var all = new Dictionary<string, string>
        {
            ["Urls"] = url.ToString().TrimEnd('/'),
            ["Orleans:DataDirectory"] = dataDirectory,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Feeds:Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Feeds:Mqtt:BindAddress"] = "127.0.0.1",
            ["Accounts:InitialAdminPassword"] = AdminPassword,
            ["Simulation:TickInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        foreach (var (key, value) in all) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new TwinProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the app"), url);
    }

    /// <summary>Polls <c>/api/city</c> until the twin runs <paramref name="cityId"/> and <c>/healthz</c> says it is live; returns the city.</summary>
    public async Task<JsonElement> WaitForCityAsync(string cityId, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited with {_process.ExitCode}\n{Tail()}");
            try
            {
                var city = await http.GetFromJsonAsync<JsonElement>("/api/city");
                if (city.GetProperty("id").GetString() == cityId && (await http.GetAsync("/healthz")).IsSuccessStatusCode) return city;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Stopping, not listening yet, or still starting.
            }
            await Task.Delay(300);
        }
        throw new TimeoutException($"the app did not run {cityId} within {timeout.TotalSeconds} s\n{Tail()}");
    }

    /// <summary>A client signed in as the first administrator, with the session's anti-forgery token (header <c>X-CSRF-TOKEN</c>) set.</summary>
    public async Task<HttpClient> SignInAdminAsync()
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new(), UseCookies = true }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        var signedIn = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = AdminPassword });
        if (!signedIn.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        var me = await http.GetFromJsonAsync<JsonElement>("/api/account/me");
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        return http;
    }

    /// <summary>SIGTERM, as an operator's restart sends, and waits for the process to end.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    public string Tail(int lines = 60) => $"--- app (pid {Pid}) ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }
}
