using System.Text.Json;
using System.Text.RegularExpressions;
using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// Reads a city pack's <c>alarm-rules.json</c> (format in data/cities/README.md): the rules a city
/// starts with. A broken file stops the process with the file and the field, like the rest of the
/// pack. A pack without the file takes its template's (city.json <c>borrowed.from</c>), else it
/// starts with no rules.
/// </summary>
public static partial class AlarmRulePackReader
{
    public const string FileName = "alarm-rules.json";

    /// <summary>The pack's rules, the template's, or none; <see cref="PackAlarmRules.Origin"/> says which.</summary>
    public static PackAlarmRules Load(string packDirectory)
    {
        var own = Path.Combine(packDirectory, FileName);
        if (File.Exists(own)) return new PackAlarmRules(Read(own, FileName), $"{FileName} of the pack {packDirectory}");
        if (TemplateOf(packDirectory) is { } template)
        {
            var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(packDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", template);
            if (!Directory.Exists(folder))
            {
                try { folder = CityPackLocator.Find(template); }
                catch (CityPackException) { return new PackAlarmRules([], $"no default rules: the pack has no {FileName} and its template '{template}' was not found"); }
            }
            var borrowed = Path.Combine(folder, FileName);
            if (File.Exists(borrowed))
                return new PackAlarmRules(Read(borrowed, $"{template}/{FileName}"), $"{FileName} of the template pack '{template}' (the pack has none)");
            return new PackAlarmRules([], $"no default rules: neither the pack nor its template '{template}' has {FileName}");
        }
        return new PackAlarmRules([], $"no default rules: the pack has no {FileName} and names no template");
    }

    /// <summary>Reads and validates one rules file; <paramref name="name"/> is how messages name it.</summary>
    public static IReadOnlyList<AlarmRule> Read(string path, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CityPackException(name, null, $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
                throw CityPackException.Field(name, "rules", "must be a list");
            var rules = new List<AlarmRule>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var rule = new RuleReader(name, $"rules[{i++}]", item).Read();
                if (rules.Any(r => r.Id == rule.Id)) throw CityPackException.Field(name, "rules", $"id '{rule.Id}' appears twice");
                rules.Add(rule);
            }
            return rules;
        }
    }

    private static string? TemplateOf(string packDirectory)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(packDirectory, CityManifestReader.FileName)),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.TryGetProperty("borrowed", out var b) && b.ValueKind == JsonValueKind.Object
                && b.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String && from.GetString() is { Length: > 0 } id
                && IdPattern().IsMatch(id) ? id : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    internal static partial Regex IdPattern();

    /// <summary>One rule of the file, each field checked and named by its JSON path when wrong.</summary>
    private sealed class RuleReader(string file, string at, JsonElement e)
    {
        public AlarmRule Read()
        {
            if (e.ValueKind != JsonValueKind.Object) throw Field("", "must be an object");
            var id = Text("id");
            if (!IdPattern().IsMatch(id)) throw Field("id", "lower-case letters, digits and '-' only");
            if (!e.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Object)
                throw Field("names", $"must name the rule in every UI language ({string.Join(", ", CityPack.Languages)})");
            var byLanguage = CityPack.Languages.ToDictionary(l => l, l => TextIn(names, "names", l), StringComparer.Ordinal);
            var type = Enum<AlarmRuleType>("type");
            if (Optional("source") is null && Optional("note") is null)
                throw Field("source", "give the source of the values, or a note saying they are operational defaults");
            var rule = new AlarmRule
            {
                Id = id,
                Name = byLanguage["en"],
                Names = new Dictionary<string, string>(byLanguage, StringComparer.Ordinal),
                Type = type,
                Limit = Number("limit"),
                Above = Bool("above", true),
                Hysteresis = NonNegative("hysteresis"),
                DelaySeconds = NonNegative("delaySeconds"),
                Severity = Enum<AlarmSeverity>("severity"),
                Service = Enum<ServiceArea>("service"),
                Enabled = Bool("enabled", true),
                AreaCode = Optional("areaCode"),
            };
            if (type == AlarmRuleType.AreaKpi)
            {
                var kpi = Text("kpi");
                if (!KpiNames.All.Contains(kpi)) throw Field("kpi", $"'{kpi}' is not a KPI ({string.Join(", ", KpiNames.All)})");
                var level = Text("level") switch
                {
                    "dong" => AreaLevel.Dong,
                    "gu" => AreaLevel.Gu,
                    _ => throw Field("level", "must be \"dong\" or \"gu\""),
                };
                return rule with { Kpi = kpi, Level = level };
            }
            var kindName = Text("kind");
            if (!AssetKinds.TryParse(kindName, out var kind)) throw Field("kind", $"'{kindName}' is not an asset kind ({string.Join(", ", AssetKinds.All.Select(k => k.WireName))})");
            var info = AssetKinds.Of(kind);
            rule = rule with { Kind = info.WireName };
            if (type == AlarmRuleType.Stale)
            {
                if (rule.Limit <= 0) throw Field("limit", "minutes of silence must be more than 0");
                return rule;
            }
            var channel = Text("channel");
            if (!info.Channels.Contains(channel)) throw Field("channel", $"'{channel}' is not a channel of {info.WireName} ({string.Join(", ", info.Channels)})");
            return rule with { Channel = channel };
        }

        private CityPackException Field(string name, string problem) =>
            CityPackException.Field(file, name.Length == 0 ? at : $"{at}.{name}", problem);

        private string Text(string name) => TextIn(e, "", name);

        private string TextIn(JsonElement o, string prefix, string name) =>
            o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s)
                ? s : throw Field(prefix.Length == 0 ? name : $"{prefix}.{name}", "must be a non-empty string");

        private string? Optional(string name) =>
            !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s
            : throw Field(name, "must be a non-empty string when given");

        private double Number(string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)
                ? d : throw Field(name, "must be a number");

        private double NonNegative(string name)
        {
            if (!e.TryGetProperty(name, out _)) return 0;
            var value = Number(name);
            return value >= 0 ? value : throw Field(name, "must be 0 or more");
        }

        private bool Bool(string name, bool fallback) =>
            !e.TryGetProperty(name, out var v) ? fallback
            : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
            : throw Field(name, "must be true or false");

        private T Enum<T>(string name) where T : struct, Enum
        {
            var text = Text(name);
            var choices = System.Enum.GetValues<T>().Select(x => JsonNamingPolicy.CamelCase.ConvertName(x.ToString())).ToList();
            var at = choices.IndexOf(text);
            return at >= 0 ? System.Enum.GetValues<T>()[at] : throw Field(name, $"'{text}' is not one of {string.Join(", ", choices)}");
        }
    }
}
