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
}
