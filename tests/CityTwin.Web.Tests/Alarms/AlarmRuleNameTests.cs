using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>
/// The default rules' names come from the city pack in every UI language: the API gives them, and
/// an edit that keeps the rule's name keeps its translations.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class AlarmRuleNameTests(TwinAppFactory app)
{
    private const string RuleId = "gu-congestion-high";

    [Fact]
    public async Task A_pack_rule_comes_with_its_name_in_every_language_and_an_edit_keeping_the_name_keeps_them()
    {
        using var packFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(CityPackLocator.Find("incheon"), "alarm-rules.json")));
        var packRule = packFile.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == RuleId);
        var packNames = CityPack.Languages.ToDictionary(l => l, l => packRule.GetProperty("names").GetProperty(l).GetString()!);
        Assert.NotEqual(packNames["en"], packNames["ko"]);

        using var op = await app.CreateClientAsAsync(Roles.Operator);
        var rule = await op.GetFromJsonAsync<JsonElement>($"/api/alarm-rules/{RuleId}");
        Assert.Equal(packNames["en"], rule.GetProperty("name").GetString());
        Assert.All(CityPack.Languages, l => Assert.Equal(packNames[l], rule.GetProperty("names").GetProperty(l).GetString()));

        // The same values again: a new version, the translations kept.
        var same = await op.PutAsJsonAsync($"/api/alarm-rules/{RuleId}", new
        {
            name = packNames["en"], type = "areaKpi", kpi = "congestionIndex", level = "gu",
            limit = rule.GetProperty("limit").GetDouble(), above = true, hysteresis = rule.GetProperty("hysteresis").GetDouble(),
            delaySeconds = rule.GetProperty("delaySeconds").GetDouble(), severity = "minor", service = "traffic",
        });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var after = await same.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(after.GetProperty("version").GetInt32() > rule.GetProperty("version").GetInt32());
        Assert.Equal(packNames["mn"], after.GetProperty("names").GetProperty("mn").GetString());
    }

    [Fact]
    public async Task An_operator_names_a_rule_in_other_languages_and_a_rename_without_names_drops_them()
    {
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        var id = $"names-{Guid.NewGuid():N}"[..20];
        var rule = new Dictionary<string, object?>
        {
            ["id"] = id, ["name"] = "Underpass water high", ["type"] = "threshold", ["kind"] = "flood", ["channel"] = "level_cm",
            ["limit"] = 40, ["severity"] = "major", ["service"] = "disaster",
            ["names"] = new Dictionary<string, string> { ["ko"] = " 지하차도 수위 높음 ", ["mn"] = "Гарцын усны түвшин өндөр" },
        };
        var created = await op.PostAsJsonAsync("/api/alarm-rules", rule);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var names = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("names");
        Assert.Equal("지하차도 수위 높음", names.GetProperty("ko").GetString());
        Assert.Equal("Underpass water high", names.GetProperty("en").GetString());
        Assert.False(names.TryGetProperty("ru", out _));

        // An edit without names keeps them while the name stays …
        rule.Remove("names");
        rule["limit"] = 45;
        var kept = await (await op.PutAsJsonAsync($"/api/alarm-rules/{id}", rule)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Гарцын усны түвшин өндөр", kept.GetProperty("names").GetProperty("mn").GetString());

        // … new names replace them, English following the name …
        rule["name"] = "Underpass flooding";
        rule["names"] = new Dictionary<string, string> { ["ru"] = "Затопление подземного перехода" };
        var replaced = await (await op.PutAsJsonAsync($"/api/alarm-rules/{id}", rule)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Underpass flooding", replaced.GetProperty("names").GetProperty("en").GetString());
        Assert.False(replaced.GetProperty("names").TryGetProperty("ko", out _));

        // … and a rename without names leaves the new name for every language.
        rule.Remove("names");
        rule["name"] = "Underpass closed";
        var renamed = await (await op.PutAsJsonAsync($"/api/alarm-rules/{id}", rule)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, renamed.GetProperty("names").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"xx":"Nom"}""", "names.xx")]
    [InlineData("""{"en":"Other"}""", "names.en")]
    [InlineData("""{"ko":"  "}""", "names.ko")]
    [InlineData("""{"ko":null}""", "names.ko")]
    public async Task Names_in_unknown_languages_for_English_or_blank_are_refused_naming_the_language(string names, string field)
    {
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        var body = $$"""{"name":"Bad names","type":"threshold","kind":"flood","channel":"level_cm","limit":40,"severity":"major","service":"disaster","names":{{names}}}""";
        var response = await op.PostAsync("/api/alarm-rules", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
