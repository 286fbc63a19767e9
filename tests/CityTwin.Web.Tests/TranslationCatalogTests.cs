using System.Text.Json;
using System.Text.RegularExpressions;
using CityTwin.Model.City;

namespace CityTwin.Web.Tests;

/// <summary>
/// The UI's translation catalogues (wwwroot/i18n/*.json) against the English one, and the language
/// list of the client (wwwroot/js/core/i18n.js) against the catalogues and the city packs. A key
/// missing from a catalogue shows English in the middle of a translated page; a key only one
/// catalogue has is a typo or a leftover; a placeholder lost or renamed shows "{n}" to the user.
/// </summary>
public sealed partial class TranslationCatalogTests
{
    private static readonly string Folder = RepoPaths.Combine("web", "CityTwin.Web", "wwwroot", "i18n");

    /// <summary>Every catalogue other than English, by language code (the file's name).</summary>
    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var code in CatalogCodes().Where(c => c != "en")) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_catalogue_has_exactly_the_keys_of_the_English_one(string language)
    {
        var english = Catalog("en");
        var catalog = Catalog(language);
        var missing = english.Keys.Except(catalog.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = catalog.Keys.Except(english.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{language}.json lacks {missing.Count} key(s) of en.json: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{language}.json has {extra.Count} key(s) en.json lacks: {string.Join(", ", extra)}");
        var empty = catalog.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.True(empty.Count == 0, $"{language}.json has empty text for {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_keeps_the_placeholders_of_the_English_text(string language)
    {
        var english = Catalog("en");
        var catalog = Catalog(language);
        var wrong = english.Keys.Where(catalog.ContainsKey)
            .Select(key => (key, en: Placeholders(english[key]), tr: Placeholders(catalog[key])))
            .Where(x => !x.en.SequenceEqual(x.tr))
            .Select(x => $"{x.key}: en has [{string.Join(" ", x.en)}], {language} has [{string.Join(" ", x.tr)}]")
            .ToList();
        Assert.True(wrong.Count == 0, $"{language}.json changes placeholders:\n{string.Join("\n", wrong)}");
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("mn")]
    [InlineData("ru")]
    public void A_Cyrillic_catalogue_has_no_English_text_left(string language)
    {
        // Technical tokens (CityTwin, PM2.5, v/c, ID, Δ %) may stay as they are; words may not.
        var english = Catalog("en");
        var catalog = Catalog(language);
        var untranslated = catalog
            .Where(kv => !CyrillicLetter().IsMatch(kv.Value) && EnglishWord().IsMatch(PlaceholderPattern().Replace(kv.Value, "")))
            .Select(kv => $"{kv.Key}: \"{kv.Value}\"")
            .ToList();
        Assert.True(untranslated.Count == 0, $"{language}.json has English left:\n{string.Join("\n", untranslated)}");
        Assert.True(catalog.Count(kv => kv.Value == english.GetValueOrDefault(kv.Key)) <= english.Count / 20,
            $"{language}.json repeats the English text too often");
    }

    [Fact]
    public void The_client_offers_every_catalogue_and_every_language_the_city_names()
    {
        var script = File.ReadAllText(RepoPaths.Combine("web", "CityTwin.Web", "wwwroot", "js", "core", "i18n.js"));
        var list = LanguageList().Match(script);
        Assert.True(list.Success, "LANGUAGES not found in i18n.js");
        var offered = LanguageCode().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(CatalogCodes().Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        // A city pack names the city in each UI language; the header shows that name.
        Assert.Equal(CityPack.Languages.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        // Numbers and dates are formatted for the language's own locale, and a browser set to the
        // language (any region) gets it by default.
        foreach (var code in offered)
        {
            Assert.Matches($@"\b{code}: {{ tag: '{code}-[A-Z]{{2}}'", script);
            Assert.Matches($@"\b{code}: '{code}'", script);
        }
    }

    private static IEnumerable<string> CatalogCodes() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Catalog(string language)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, $"{language}.json"));
        var catalog = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
        Assert.NotNull(catalog);
        return catalog!;
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex CyrillicLetter();

    [GeneratedRegex("[a-z]{4,}")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"export const LANGUAGES = \[(.*?)\];", RegexOptions.Singleline)]
    private static partial Regex LanguageList();

    [GeneratedRegex(@"code: '([a-z]{2,3})'")]
    private static partial Regex LanguageCode();
}
