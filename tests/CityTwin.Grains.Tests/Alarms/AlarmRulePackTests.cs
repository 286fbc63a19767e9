using CityTwin.Abstractions.Alarms;
using CityTwin.Grains.Alarms;
using CityTwin.Model.City;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>The default alarm rules come from the city pack's alarm-rules.json, validated at start.</summary>
public sealed class AlarmRulePackTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alarm-pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_Incheon_pack_gives_its_rules_with_names_in_every_language()
    {
        var pack = AlarmRulePackReader.Load(CityPackLocator.Find("incheon"));
        Assert.Contains(AlarmRulePackReader.FileName, pack.Origin);
        Assert.Contains(pack.Rules, r => r.Type == AlarmRuleType.AreaKpi);
        var flood = Assert.Single(pack.Rules, r => r.Id == "flood-level-cm-high");
        Assert.Equal(30, flood.Limit);
        Assert.Equal(3.75, flood.Hysteresis);
        Assert.Equal(AlarmSeverity.Critical, flood.Severity);
        Assert.Equal(ServiceArea.Disaster, flood.Service);
        foreach (var rule in pack.Rules)
            Assert.All(CityPack.Languages, l => Assert.False(string.IsNullOrWhiteSpace(rule.NameIn(l))));
    }

    [Fact]
    public void A_rule_name_comes_out_in_the_language_asked_with_English_as_fallback()
    {
        var flood = AlarmRulePackReader.Load(CityPackLocator.Find("incheon")).Rules.Single(r => r.Id == "flood-level-cm-high");
        Assert.Equal("침수 센서: 수위 ≥ 30 cm", flood.NameIn("ko"));
        Assert.NotEqual(flood.Name, flood.NameIn("ru"));
        Assert.Equal(flood.Name, flood.NameIn("en"));
        Assert.Equal(flood.Name, flood.NameIn("fr"));
        Assert.Equal(flood.Name, (flood with { Names = null }).NameIn("ko"));
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "x", "names": { "en": "X" } } ] }""", "field rules[0].names.id")]
    [InlineData("""{ "rules": [ { "id": "x", "names": { "en": "X", "id": "X", "ko": "X", "kk": "X", "mn": "X", "ru": "X" }, "type": "threshold", "limit": 1, "severity": "urgent", "service": "traffic", "note": "n" } ] }""", "field rules[0].severity")]
    [InlineData("""{ "rules": [ { "id": "x", "names": { "en": "X", "id": "X", "ko": "X", "kk": "X", "mn": "X", "ru": "X" }, "type": "threshold", "kind": "flood", "channel": "depth", "limit": 1, "severity": "major", "service": "disaster", "note": "n" } ] }""", "field rules[0].channel")]
    [InlineData("""{ "rules": [ { "id": "x", "names": { "en": "X", "id": "X", "ko": "X", "kk": "X", "mn": "X", "ru": "X" }, "type": "stale", "kind": "flood", "limit": "15", "severity": "major", "service": "disaster", "note": "n" } ] }""", "field rules[0].limit")]
    [InlineData("""{ "rules": [ { "id": "x", "names": { "en": "X", "id": "X", "ko": "X", "kk": "X", "mn": "X", "ru": "X" }, "type": "stale", "kind": "flood", "limit": 15, "severity": "major", "service": "disaster" } ] }""", "field rules[0].source")]
    [InlineData("""{ "rules": {} }""", "field rules")]
    public void A_bad_file_is_refused_naming_the_file_and_the_field(string json, string field)
    {
        var pack = Pack("bad", borrowedFrom: null);
        File.WriteAllText(Path.Combine(pack, AlarmRulePackReader.FileName), json);
        var error = Assert.Throws<CityPackException>(() => AlarmRulePackReader.Load(pack));
        Assert.StartsWith($"{AlarmRulePackReader.FileName}, {field}:", error.Message);
    }

    [Fact]
    public void A_pack_without_the_file_and_no_template_starts_with_no_rules()
    {
        var pack = AlarmRulePackReader.Load(Pack("plain", borrowedFrom: null));
        Assert.Empty(pack.Rules);
        Assert.Contains("no default rules", pack.Origin);
    }

    [Fact]
    public void A_pack_without_the_file_takes_its_templates_rules()
    {
        var template = Pack("model", borrowedFrom: null);
        File.Copy(Path.Combine(CityPackLocator.Find("incheon"), AlarmRulePackReader.FileName), Path.Combine(template, AlarmRulePackReader.FileName));
        var pack = AlarmRulePackReader.Load(Pack("imported", borrowedFrom: "model"));
        var incheon = AlarmRulePackReader.Load(CityPackLocator.Find("incheon"));
        Assert.Equal(incheon.Rules.Select(r => r.Id), pack.Rules.Select(r => r.Id));
        Assert.Contains("template pack 'model'", pack.Origin);

        var orphan = AlarmRulePackReader.Load(Pack("orphan", borrowedFrom: "nowhere-city"));
        Assert.Empty(orphan.Rules);
        Assert.Contains("'nowhere-city'", orphan.Origin);
    }

    private string Pack(string name, string? borrowedFrom)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, CityManifestReader.FileName),
            borrowedFrom is null ? """{ "id": "x" }""" : $$"""{ "id": "x", "borrowed": { "from": "{{borrowedFrom}}", "fields": [] } }""");
        return folder;
    }
}
