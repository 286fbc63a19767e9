using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityTwin.Web.Tests;

/// <summary>
/// The planner shows the server's scenario catalogue (interventions, conditions, their parameters
/// and units, KPIs with their definitions and units) through the UI's translation catalogues, keyed by the catalogue's stable ids.
/// An id of the live catalogue with no key in a language would show English in the middle of a
/// translated planner, so every id must have its keys in all of wwwroot/i18n/*.json.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed partial class ScenarioCatalogTranslationTests(TwinAppFactory app)
{
    private static readonly string Folder = RepoPaths.Combine("web", "CityTwin.Web", "wwwroot", "i18n");

    [Fact]
    public async Task Every_id_of_the_live_catalogue_has_its_text_in_every_language()
    {
        using var client = app.CreateClient();
        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/scenarios/catalog");
        var keys = RequiredKeys(catalog);
        Assert.True(keys.Count > 100, $"only {keys.Count} keys: the catalogue looks empty");

        var languages = Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(6, languages.Count);
        var missing = new List<string>();
        foreach (var language in languages)
        {
            var texts = Catalog(language!);
            missing.AddRange(keys.Where(k => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k))).Select(k => $"{language}: {k}"));
        }
        Assert.True(missing.Count == 0, $"catalogue text missing:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task The_translated_names_differ_from_the_English_ones()
    {
        // A name copied from English would pass the key check and still show English.
        using var client = app.CreateClient();
        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/scenarios/catalog");
        var names = RequiredKeys(catalog).Where(k => k.StartsWith("scenario.intervention.", StringComparison.Ordinal)
            || k.StartsWith("scenario.condition.", StringComparison.Ordinal)).ToList();
        var english = Catalog("en");
        foreach (var language in new[] { "id", "ko", "kk", "mn", "ru" })
        {
            var texts = Catalog(language);
            var same = names.Where(k => texts.GetValueOrDefault(k) == english.GetValueOrDefault(k)).ToList();
            Assert.True(same.Count == 0, $"{language} keeps English for:\n{string.Join("\n", same)}");
        }
    }

    [Fact]
    public async Task The_English_KPI_definitions_are_the_server_text_and_the_others_are_translated()
    {
        // en.json copies the server's definitions, so an edited definition shows up here until both agree;
        // another language holding the English text would pass the key check and still show English.
        using var client = app.CreateClient();
        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/scenarios/catalog");
        var english = Catalog("en");
        var kpis = catalog.GetProperty("kpis").EnumerateArray()
            .Select(k => (Key: $"kpi.{k.GetProperty("id").GetString()}.definition", Text: k.GetProperty("definition").GetString())).ToList();
        Assert.NotEmpty(kpis);
        var stale = kpis.Where(k => english.GetValueOrDefault(k.Key) != k.Text).Select(k => k.Key).ToList();
        Assert.True(stale.Count == 0, $"en.json differs from the server's definition for:\n{string.Join("\n", stale)}");
        foreach (var language in new[] { "id", "ko", "kk", "mn", "ru" })
        {
            var texts = Catalog(language);
            var same = kpis.Where(k => texts.GetValueOrDefault(k.Key) == k.Text).Select(k => k.Key).ToList();
            Assert.True(same.Count == 0, $"{language} keeps English for:\n{string.Join("\n", same)}");
        }
    }

    /// <summary>The keys the planner looks up for the catalogue it is given (see js/planner/catalog-text.js).</summary>
    private static List<string> RequiredKeys(JsonElement catalog)
    {
        var keys = new List<string>();
        foreach (var (kind, list) in new[] { ("intervention", "interventions"), ("condition", "conditions") })
        {
            foreach (var entry in catalog.GetProperty(list).EnumerateArray())
            {
                var type = entry.GetProperty("type").GetString();
                keys.Add($"scenario.{kind}.{type}.name");
                keys.Add($"scenario.{kind}.{type}.description");
                foreach (var p in entry.GetProperty("parameters").EnumerateArray())
                {
                    var name = p.GetProperty("name").GetString();
                    keys.Add($"scenario.param.{type}.{name}.name");
                    keys.Add($"scenario.param.{type}.{name}.description");
                    // Symbols (%, MW, °C) read the same everywhere; units with words need a translation.
                    var unit = p.GetProperty("unit").GetString() ?? "";
                    if (LowercaseLetter().IsMatch(unit)) keys.Add($"scenario.unit.{unit}");
                }
            }
        }
        foreach (var kpi in catalog.GetProperty("kpis").EnumerateArray())
        {
            var id = kpi.GetProperty("id").GetString();
            keys.Add($"kpi.{id}.name");
            keys.Add($"kpi.{id}.definition");
            // The results table shows the total's unit, the chart the series' unit (road-h, roads).
            foreach (var unit in new[] { kpi.GetProperty("unit").GetString(), kpi.GetProperty("seriesUnit").GetString() })
            {
                if (LowercaseLetter().IsMatch(unit ?? "")) keys.Add($"scenario.unit.{unit}");
            }
        }
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> Catalog(string language)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, $"{language}.json"));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    [GeneratedRegex("[a-z]")]
    private static partial Regex LowercaseLetter();
}
