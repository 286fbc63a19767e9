using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace CityTwin.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU, memory, OS, .NET, build and GC.</summary>
public sealed record MachineInfo(int Cores, string Cpu, double MemoryGiB, string Os, string Dotnet, string Build, string Gc)
{
    public static MachineInfo Current()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadFirst("/proc/meminfo", "MemTotal") is { } m ? double.Parse(m.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) : 0;
        var os = ReadOsRelease() ?? RuntimeInformation.OSDescription;
#if DEBUG
        const string build = "Debug";
#else
        const string build = "Release";
#endif
        var gc = (GCSettings.IsServerGC ? "Server" : "Workstation") + " GC" + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent");
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? $"Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}" : RuntimeInformation.OSDescription;
        return new MachineInfo(Environment.ProcessorCount, cpu, memKb / 1024 / 1024, $"{os}, {kernel}",
            RuntimeInformation.FrameworkDescription, build, gc);
    }

    public string Describe() =>
        $"{Cores} cores ({Cpu}), {MemoryGiB:0.0} GiB, {Os}, {Dotnet}, {Build}, {Gc}";

    /// <summary>The 1, 5 and 15-minute load averages (what <c>uptime</c> shows): other builds share this machine.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string? ReadFirst(string path, string key)
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith(key, StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var i and > 0)
                return line[(i + 1)..].Trim();
        return null;
    }

    private static string? ReadOsRelease()
    {
        const string path = "/etc/os-release";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) return line["PRETTY_NAME=".Length..].Trim('"');
        return null;
    }
}
