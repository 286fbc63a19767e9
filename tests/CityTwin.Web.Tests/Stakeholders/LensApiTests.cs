using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Web.Stakeholders;

namespace CityTwin.Web.Tests.Stakeholders;

/// <summary>Stakeholder lenses through the API: the pack's five, who may change them, what is refused and why.</summary>
[Collection(TwinCollection.Name)]
public sealed class LensApiTests(TwinAppFactory app)
{
    private static readonly string[] Languages = ["en", "id", "ko", "kk", "mn", "ru"];

    public static object NewLens(string? id, double weight = 2, string? group = null) => new
    {
        id,
        group,
        name = new { en = "Port operators", ko = "항만 운영사" },
        kpis = new object[]
        {
            new { kpi = "travelTimeIndex", weight, better = "lower", redLinePercent = 3.0 },
            new { kpi = "peakLoadMw", weight = 1.0 },
        },
    };

    [Fact]
    public async Task The_city_pack_ships_a_lens_for_each_pentahelix_group_named_in_six_languages()
    {
        using var anonymous = app.CreateClient();
        var lenses = await anonymous.GetFromJsonAsync<JsonElement>("/api/lenses");
        var pack = lenses.EnumerateArray().Take(5).ToList();
        Assert.Equal(["government", "business", "academia", "community", "media"], pack.Select(l => l.GetProperty("group").GetString()));
        foreach (var lens in pack)
        {
            foreach (var language in Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(lens.GetProperty("name").GetProperty(language).GetString()), $"{lens.GetProperty("id")} name.{language}");
                Assert.False(string.IsNullOrWhiteSpace(lens.GetProperty("description").GetProperty(language).GetString()), $"{lens.GetProperty("id")} description.{language}");
            }
            Assert.Contains(lens.GetProperty("kpis").EnumerateArray(), k => k.GetProperty("weight").GetDouble() > 0);
        }
        // Business wants traffic (trade) where the catalogue counts less as better.
        var business = pack[1].GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpi").GetString() == "vehicleKm");
        Assert.Equal("higher", business.GetProperty("better").GetString());
    }

    [Fact]
    public async Task Planners_and_admins_write_lenses_and_everyone_else_is_refused()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/lenses", NewLens("no-anon"))).StatusCode);
        foreach (var role in new[] { Roles.Viewer, Roles.Operator, Roles.Trainer })
        {
            using var other = await app.CreateClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/lenses", NewLens($"no-{role}"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/lenses/government", NewLens("government"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync("/api/lenses/government")).StatusCode);
        }

        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var id = $"port-{Guid.NewGuid():N}"[..16];
        var created = await planner.PostAsJsonAsync("/api/lenses", NewLens(id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lens = await created.Content.ReadFromJsonAsync<JsonElement>();
        // A KPI without a direction takes the catalogue's (peak load: lower is better).
        Assert.Equal("lower", lens.GetProperty("kpis")[1].GetProperty("better").GetString());
        Assert.StartsWith("planner-", lens.GetProperty("updatedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsJsonAsync("/api/lenses", NewLens(id))).StatusCode);

        var changed = await planner.PutAsJsonAsync($"/api/lenses/{id}", NewLens(id, weight: 7, group: "business"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var reader = app.CreateClient();
        var read = await reader.GetFromJsonAsync<JsonElement>($"/api/lenses/{id}");
        Assert.Equal(7, read.GetProperty("kpis")[0].GetProperty("weight").GetDouble());
        Assert.Equal("business", read.GetProperty("group").GetString());

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/lenses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/lenses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/lenses/{id}")).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?target={id}");
        Assert.Equal([StakeholderAuditActions.LensDelete, StakeholderAuditActions.LensUpdate, StakeholderAuditActions.LensCreate],
            audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_bad_lens_is_refused_with_the_field_at_fault()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        async Task<IReadOnlyDictionary<string, string[]>> Post(object body) => await StakeholderRuns.ErrorsAsync(await planner.PostAsJsonAsync("/api/lenses", body));

        Assert.Contains("kpis[0].weight", (await Post(NewLens("w", weight: 11))).Keys);
        Assert.Contains("kpis[0].weight", (await Post(NewLens("w", weight: -1))).Keys);
        Assert.Contains("group", (await Post(NewLens("g", group: "lobby"))).Keys);
        Assert.Contains("id", (await Post(NewLens("Not An Id"))).Keys);
        Assert.Contains("kpis[0].kpi", (await Post(new { id = "k", name = new { en = "K" }, kpis = new[] { new { kpi = "happiness", weight = 1.0 } } })).Keys);
        Assert.Contains("kpis[1].kpi", (await Post(new { id = "k", name = new { en = "K" }, kpis = new[] { new { kpi = "pm25Mean", weight = 1.0 }, new { kpi = "pm25Mean", weight = 2.0 } } })).Keys);
        Assert.Contains("kpis[0].better", (await Post(new { id = "k", name = new { en = "K" }, kpis = new[] { new { kpi = "pm25Mean", weight = 1.0, better = "up" } } })).Keys);
        Assert.Contains("kpis[0].redLinePercent", (await Post(new { id = "k", name = new { en = "K" }, kpis = new[] { new { kpi = "pm25Mean", weight = 1.0, redLinePercent = 101.0 } } })).Keys);
        Assert.Contains("kpis", (await Post(new { id = "k", name = new { en = "K" }, kpis = new[] { new { kpi = "pm25Mean", weight = 0.0 } } })).Keys);
        Assert.Contains("name.en", (await Post(new { id = "k", name = new { ko = "케이" }, kpis = new[] { new { kpi = "pm25Mean", weight = 1.0 } } })).Keys);
        Assert.Contains("name.xx", (await Post(new { id = "k", name = new { en = "K", xx = "?" }, kpis = new[] { new { kpi = "pm25Mean", weight = 1.0 } } })).Keys);
        // Wrong-typed JSON is named too.
        var typed = await planner.PostAsync("/api/lenses", new StringContent("{\"id\":\"t\",\"name\":{\"en\":\"T\"},\"kpis\":[{\"kpi\":\"pm25Mean\",\"weight\":\"heavy\"}]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("weight", await typed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A body naming another lens than its address.
        Assert.Contains("id", (await StakeholderRuns.ErrorsAsync(await planner.PutAsJsonAsync("/api/lenses/government", NewLens("business")))).Keys);
    }

    [Fact]
    public void A_broken_pack_lens_stops_the_pack_naming_the_file_and_field()
    {
        var json = """{"lenses":[{"id":"x","name":{"en":"X"},"kpis":[{"kpi":"pm25Mean","weight":99}]}]}"""u8.ToArray();
        var error = Assert.Throws<CityTwin.Model.City.CityPackException>(() => PackLenses.Parse(json));
        Assert.Contains("lenses.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("kpis[0].weight", error.Message, StringComparison.Ordinal);
    }
}
