namespace CityTwin.Testing;

/// <summary>How a <see cref="TwinAppFactory"/> hosts the real app. The defaults suit API tests.</summary>
public sealed record TwinAppOptions
{
    /// <summary>
    /// Real Kestrel on a free loopback port, for browsers and WebSocket clients outside the test
    /// server; otherwise the in-memory TestServer, which needs no port at all.
    /// </summary>
    public bool Kestrel { get; init; }

    /// <summary>The Kestrel port; null for a free one. A fixed port lets a test restart the app where its browsers were.</summary>
    public int? Port { get; init; }

    /// <summary>ASP.NET Core environment of the host.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>
    /// A 500 ms tick and the clock at 60×, so live changes show within a test's patience.
    /// Off for measurements of the product as shipped.
    /// </summary>
    public bool FastClock { get; init; } = true;

    /// <summary>Warnings only, so a benchmark's console carries its figures and not the request log.</summary>
    public bool QuietLogs { get; init; }

    /// <summary>
    /// Folder of the SQLite store. Null: a fresh temporary folder, removed when the factory is
    /// disposed. A given folder is kept, e.g. to restart the app on what an earlier host wrote.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Configuration applied last, over everything above (e.g. <c>City:Name</c>, <c>City:Path</c>, <c>Simulation:Enabled</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long <see cref="TwinAppFactory.WaitUntilLiveAsync"/> waits for <c>/healthz</c> by default.</summary>
    public TimeSpan LiveTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
