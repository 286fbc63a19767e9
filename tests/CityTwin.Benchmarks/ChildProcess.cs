using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CityTwin.Benchmarks;

/// <summary>
/// Re-invokes this benchmark program with an internal command in a fresh process (clean RSS and
/// start-up), echoes its output and returns its figure lines. Only the child it started is ever killed.
/// </summary>
public static partial class ChildProcess
{
    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_@.\-]+)=(?<value>[-0-9.eE+NaN]+) (?<unit>.*)$")]
    private static partial Regex FigureLine();

    public static async Task<(IReadOnlyList<(string Name, double Value, string Unit)> Figures, IReadOnlyList<string> Notes)> RunAsync(
        IEnumerable<string> arguments, TimeSpan timeout, Action<string>? onLine = null)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var a in arguments) info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {exe}");
        var figures = new List<(string, double, string)>();
        var notes = new List<string>();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                Console.WriteLine($"  | {line}");
                onLine?.Invoke(line);
                var m = FigureLine().Match(line);
                if (m.Success && double.TryParse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture, out var v))
                    figures.Add((m.Groups["name"].Value, v, m.Groups["unit"].Value));
                else if (line.StartsWith("# ", StringComparison.Ordinal)) notes.Add(line[2..]);
            }
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"child {string.Join(' ', info.ArgumentList)} ran longer than {timeout.TotalSeconds} s and was stopped");
        }
        var err = await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"child {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {err}");
        return (figures, notes);
    }
}
