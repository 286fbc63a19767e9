using System.Text.Json;
using System.Text.RegularExpressions;
using CityTwin.Model.City;

namespace CityTwin.Web.Indicators;

/// <summary>
/// Reads a city pack's optional <c>indicators.json</c> (format in data/cities/README.md). A pack
/// without one has no public indicators; a broken one stops the process with a message naming
/// the file and the field, like the rest of the pack.
/// </summary>
public static partial class IndicatorPackReader
{
    public const string FileName = "indicators.json";

    public static IndicatorCatalog Read(string packDirectory)
    {
        var path = Path.Combine(packDirectory, FileName);
        if (!File.Exists(path)) return IndicatorCatalog.Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CityPackException(FileName, null, $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("indicators", out var list) || list.ValueKind != JsonValueKind.Array)
                throw CityPackException.Field(FileName, "indicators", "must be a list");
            var indicators = new List<IndicatorDefinition>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var indicator = ReadOne(item, $"indicators[{i++}]");
                if (indicators.Any(x => x.Id == indicator.Id))
                    throw CityPackException.Field(FileName, "indicators", $"id '{indicator.Id}' appears twice");
                indicators.Add(indicator);
            }
            var profile = root.TryGetProperty("profileSource", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return new IndicatorCatalog(indicators, profile);
        }
    }

    private static IndicatorDefinition ReadOne(JsonElement e, string at)
    {
        var id = Text(e, at, "id");
        if (!IdPattern().IsMatch(id)) throw Field(at, "id", "letters and digits only, starting with a letter (it is part of a URL)");
        var measureName = Text(e, at, "measure");
        var measure = IndicatorMeasures.Parse(measureName)
            ?? throw Field(at, "measure", $"'{measureName}' is not one the twin computes ({string.Join(", ", IndicatorMeasures.WireNames)})");
        var better = Text(e, at, "better") switch
        {
            "lower" => IndicatorDirection.LowerIsBetter,
            "higher" => IndicatorDirection.HigherIsBetter,
            _ => throw Field(at, "better", "must be \"lower\" or \"higher\""),
        };
        if (!e.TryGetProperty("synthetic", out var synthetic) || synthetic.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw Field(at, "synthetic", "must be true (computed from the simulation) or false (measured data)");
        var (target, targetSource) = Fact(e, at, "target");
        var range = e.TryGetProperty("targetRange", out var r) && r.ValueKind == JsonValueKind.Object ? r : throw Field(at, "targetRange", "must be { min, max, source }");
        var min = Number(range, $"{at}.targetRange", "min");
        var max = Number(range, $"{at}.targetRange", "max");
        Text(range, $"{at}.targetRange", "source");
        // The performance score divides by the target (or by the value): both must stay positive.
        if (min <= 0 || max <= min) throw Field(at, "targetRange", "needs 0 < min < max");
        if (target < min || target > max) throw Field(at, "target.value", $"must lie in targetRange ({min}–{max})");
        if (!e.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Object)
            throw Field(at, "names", $"must name the indicator in every UI language ({string.Join(", ", CityPack.Languages)})");
        var byLanguage = CityPack.Languages.ToDictionary(l => l, l => Text(names, $"{at}.names", l), StringComparer.Ordinal);
        return new IndicatorDefinition(id, measure, Text(e, at, "standard"), Text(e, at, "number"), Text(e, at, "name"), byLanguage, Text(e, at, "definition"),
            Text(e, at, "unit"), better, synthetic.GetBoolean(), Text(e, at, "dataSource"), target, targetSource, min, max);
    }

    private static (double Value, string Source) Fact(JsonElement e, string at, string name)
    {
        if (!e.TryGetProperty(name, out var fact) || fact.ValueKind != JsonValueKind.Object)
            throw Field(at, name, "must be { \"value\": number, \"source\": \"…\" }");
        return (Number(fact, $"{at}.{name}", "value"), Text(fact, $"{at}.{name}", "source"));
    }

    private static string Text(JsonElement e, string at, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s : throw Field(at, name, "must be a non-empty string");

    private static double Number(JsonElement e, string at, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)
            ? d : throw Field(at, name, "must be a number");

    private static CityPackException Field(string at, string name, string problem) => CityPackException.Field(FileName, $"{at}.{name}", problem);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex IdPattern();
}
