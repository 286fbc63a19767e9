using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary>
/// Open-file limits: every connection is a file descriptor in the load generator and another in
/// the server. The .NET runtime raises its soft limit to the hard limit at start-up, so the hard
/// limit (<c>ulimit -Hn</c>) is what counts; children inherit it.
/// </summary>
public static class FileLimits
{
    /// <summary>Descriptors the server needs besides its connections (assemblies, SQLite, silo sockets, …).</summary>
    public const int Headroom = 1024;

    public static long OpenFiles()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var soft = line["Max open files".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return soft == "unlimited" ? long.MaxValue : long.Parse(soft, CultureInfo.InvariantCulture);
            }
        return -1;
    }

    public static void EnsureRoomFor(int connections)
    {
        var limit = OpenFiles();
        if (limit >= 0 && limit < connections + Headroom)
            throw new InvalidOperationException(
                $"open-file limit {limit} is below {connections} connections + {Headroom}: raise it (ulimit -n {connections + Headroom}, or LimitNOFILE in a service) or use fewer --clients");
    }

    public static string Describe() => $"open-file limit {OpenFiles()}";
}
