using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary>One benchmark invocation: prints each figure as a <c>name=value unit</c> line and keeps it for results.md.</summary>
public sealed class BenchmarkRun(string name, BenchArgs args, MachineInfo machine)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public string Name { get; } = name;
    public BenchArgs Args { get; } = args;
    public MachineInfo Machine { get; } = machine;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public IReadOnlyList<Figure> Figures => _figures;
    public IReadOnlyList<string> Notes => _notes;

    public void Report(string figure, double value, string unit)
    {
        var f = new Figure(figure, value, unit, MachineInfo.LoadAverage());
        _figures.Add(f);
        Console.WriteLine($"{figure}={Format(value)} {unit}");
    }

    /// <summary>A line of context (what was measured, targets met or missed); printed with <c>#</c> and kept.</summary>
    public void Note(string text)
    {
        _notes.Add(text);
        Console.WriteLine($"# {text}");
    }

    /// <summary>Target verdict: prints and records whether <paramref name="value"/> meets it.</summary>
    public void Target(string what, double value, double limit, bool higherIsBetter, string unit)
    {
        var met = higherIsBetter ? value >= limit : value <= limit;
        Note($"target {what}: {Format(value)} {unit} {(higherIsBetter ? "≥" : "≤")} {Format(limit)} {unit}? {(met ? "MET" : "MISSED")}");
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : Math.Abs(value) >= 100 || value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
