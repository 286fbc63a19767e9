using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary>
/// Memory of the browser this process launched: the proportional set size (PSS, shared pages
/// split between the processes that share them, from <c>/proc/PID/smaps_rollup</c>) summed over
/// every descendant process whose name starts with "chrom" (browser, GPU, renderer, utility).
/// </summary>
public static class BrowserMemory
{
    public static (double TotalMb, int Processes) ChromiumPssMb()
    {
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(dir, "status")))
                {
                    if (line.StartsWith("Name:", StringComparison.Ordinal)) names[pid] = line[5..].Trim();
                    else if (line.StartsWith("PPid:", StringComparison.Ordinal)) parents[pid] = int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var self = Environment.ProcessId;
        bool Descends(int pid)
        {
            for (var hops = 0; hops < 32 && parents.TryGetValue(pid, out var parent); hops++, pid = parent)
                if (parent == self) return true;
            return false;
        }
        double totalKb = 0;
        var count = 0;
        foreach (var (pid, name) in names)
        {
            if (!name.StartsWith("chrom", StringComparison.OrdinalIgnoreCase) || !Descends(pid)) continue;
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
                    if (line.StartsWith("Pss:", StringComparison.Ordinal))
                    {
                        totalKb += double.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        count++;
                    }
            }
            catch (IOException)
            {
            }
        }
        return (totalKb / 1024, count);
    }
}
