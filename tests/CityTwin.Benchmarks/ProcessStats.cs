using System.Diagnostics;
using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary>CPU use over a window (share of all cores) and resident memory of this process.</summary>
public sealed class ProcessStats
{
    private readonly TimeSpan _cpu0;
    private readonly long _t0;
    private readonly long _alloc0;
    private readonly int[] _gc0;

    private ProcessStats()
    {
        _cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        _t0 = Stopwatch.GetTimestamp();
        _alloc0 = GC.GetTotalAllocatedBytes();
        _gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    }

    public static ProcessStats Start() => new();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_t0);

    /// <summary>Process CPU time over wall time, as a percentage of all cores (100 = every core busy).</summary>
    public double CpuPercentOfAllCores()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu0;
        return 100 * cpu.TotalSeconds / (Elapsed.TotalSeconds * Environment.ProcessorCount);
    }

    public double AllocatedMbPerSecond() => (GC.GetTotalAllocatedBytes() - _alloc0) / 1048576.0 / Elapsed.TotalSeconds;

    public (int Gen0, int Gen1, int Gen2) Collections() =>
        (GC.CollectionCount(0) - _gc0[0], GC.CollectionCount(1) - _gc0[1], GC.CollectionCount(2) - _gc0[2]);

    /// <summary>Resident set size (VmRSS) in MiB; <c>peak</c> gives VmHWM, the high-water mark.</summary>
    public static double ResidentMb(bool peak = false) => ReadStatusKb(peak ? "VmHWM:" : "VmRSS:") / 1024.0;

    private static double ReadStatusKb(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return double.NaN;
    }

    /// <summary>A full, compacting, blocking collection, so that what remains is what the process holds.</summary>
    public static void FullCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
