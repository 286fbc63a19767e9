namespace CityTwin.Benchmarks;

/// <summary>
/// The real web app as benchmarks measure it: on Kestrel at a free loopback port, so clients use
/// real WebSockets as browsers do; Production mode and the shipped clock, so figures describe the
/// product; warnings-only logging, so the console carries the figures.
/// </summary>
public static class BenchApp
{
    public static TwinAppFactory Create(IReadOnlyDictionary<string, string>? settings = null) => TwinAppFactory.Create(new TwinAppOptions
    {
        Kestrel = true,
        Environment = "Production",
        FastClock = false,
        QuietLogs = true,
        Settings = settings ?? new Dictionary<string, string>(),
    });
}
