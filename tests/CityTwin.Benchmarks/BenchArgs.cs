using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary><c>--name value</c> and <c>--flag</c> options, parsed by hand (no System.CommandLine needed for this few).</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public static BenchArgs Parse(IEnumerable<string> argv)
    {
        var result = new BenchArgs();
        var list = argv.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{a}' (options are --name value)");
            var key = a[2..];
            var eq = key.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0) result._options[key[..eq]] = key[(eq + 1)..];
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) result._options[key] = list[++i];
            else result._options[key] = null;
        }
        return result;
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? String(string name) => _options.GetValueOrDefault(name);

    public double Double(string name, double fallback) =>
        _options.GetValueOrDefault(name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public int Int(string name, int fallback) =>
        _options.GetValueOrDefault(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<double> Doubles(string name, string fallback) =>
        [.. (_options.GetValueOrDefault(name) ?? fallback)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture))];

    /// <summary>The options as given, for the record in results.md.</summary>
    public override string ToString() =>
        _options.Count == 0 ? "(defaults)" : string.Join(' ', _options.Select(kv => kv.Value is null ? $"--{kv.Key}" : $"--{kv.Key} {kv.Value}"));
}
