using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>
/// Alarms a test can count on: a rule that always holds (a substation's loading at or above
/// -1 %) scoped to one dong gives exactly one alarm that never clears by itself.
/// </summary>
public static class AlarmTestRules
{
    /// <summary>A dong with exactly one substation, the <paramref name="nth"/> such (tests take different ones).</summary>
    public static string Dong(TwinAppFactory app, int nth)
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        return catalog.Dongs.Where(d => catalog.AssetsInDong(d.Code).Count(a => a.Kind == Abstractions.Assets.AssetKind.Substation) == 1)
            .Skip(nth).First().Code;
    }

    public static object AlwaysOn(string dong, string severity = "critical") => new
    {
        name = $"Test: substation of {dong} loaded",
        type = "threshold",
        kind = "substation",
        channel = "loading_pct",
        limit = -1,
        above = true,
        areaCode = dong,
        severity,
        service = "disaster",
    };

    /// <summary>Posts the rule as <paramref name="client"/> and returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string dong, string severity = "critical")
    {
        var created = await client.PostAsJsonAsync("/api/alarm-rules", AlwaysOn(dong, severity));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Waits (rule cache, next tick) until the rule's alarm is listed; returns it.</summary>
    public static async Task<JsonElement> AlarmOfAsync(HttpClient client, string ruleId, string area, Func<JsonElement, bool>? also = null)
    {
        var found = await Wait.ForAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/alarms?area={area}&pageSize=500&state=open");
            return page.GetProperty("items").EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("ruleId").GetString() == ruleId && (also?.Invoke(a) ?? true));
        }, a => a.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), $"an alarm of rule {ruleId}", TimeSpan.FromMilliseconds(250));
        return found;
    }
}
