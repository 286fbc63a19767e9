using System.Reflection;
using System.Text;

namespace CityTwin.Benchmarks;

/// <summary>
/// tests/CityTwin.Benchmarks/results.md: every run appends its date, machine, options and figures,
/// each figure with the load average when it was taken (the machine is shared with other builds).
/// </summary>
public static class ResultsFile
{
    private const string Header = """
        # CityTwin benchmark results

        Appended by `dotnet run -c Release --project tests/CityTwin.Benchmarks -- <ingest|latency|scale|fanout>`
        (see `Program.cs` for options). Every run records the date (UTC), the machine, the options and
        its figures; `load` is the 1/5/15-minute load average (`uptime`) when the figure was taken:
        this 2-core machine is shared with other builds and tests, so a load above ~1 means the
        figure had less than the whole machine.

        """;

    public static string Path
    {
        get
        {
            var dir = typeof(ResultsFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "BenchmarksProjectDir")?.Value ?? Directory.GetCurrentDirectory();
            return System.IO.Path.Combine(dir, "results.md");
        }
    }

    public static string Append(BenchmarkRun run)
    {
        var path = Path;
        var text = new StringBuilder();
        if (!File.Exists(path)) text.Append(Header);
        text.AppendLine();
        text.AppendLine($"## {run.StartedAt:yyyy-MM-dd HH:mm} UTC · `{run.Name}`");
        text.AppendLine();
        text.AppendLine($"- machine: {run.Machine.Describe()}");
        text.AppendLine($"- options: `{run.Args}`");
        text.AppendLine();
        text.AppendLine("| figure | value | unit | load 1/5/15 |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var f in run.Figures)
            text.AppendLine($"| {f.Name} | {BenchmarkRun.Format(f.Value)} | {f.Unit} | {f.Load} |");
        if (run.Notes.Count > 0)
        {
            text.AppendLine();
            foreach (var n in run.Notes) text.AppendLine($"- {n}");
        }
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text.ToString());
        return path;
    }
}
