using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Tours through the API: the city pack's tour is served in six languages, writes are validated
/// field by field (the stop's index in the path), round-trip through export and import, are
/// audited, and are refused to everyone but trainers and admins.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class TourApiTests(TwinAppFactory app)
{
    private const string DefaultTour = "songdo-field-visit";
    private static readonly string[] Languages = ["en", "id", "ko", "kk", "mn", "ru"];

    /// <summary>A valid tour of two stops (a site and an area) with a fresh id.</summary>
    public static Dictionary<string, object?> NewTour(string? id = null) => new()
    {
        ["id"] = id ?? $"test-{Guid.NewGuid():N}"[..20],
        ["title"] = new Dictionary<string, string> { ["en"] = "Around Central Park", ["ko"] = "센트럴파크 한 바퀴" },
        ["stops"] = new object[]
        {
            new
            {
                target = new { kind = "site", id = "songdo-central-park" },
                title = new { en = "The park" },
                narrative = new { en = "41 ha around a seawater canal.", ru = "41 га вокруг канала с морской водой." },
                camera = new { center = new[] { 126.6394, 37.3925 }, zoom = 15.2, bearing = -30, pitch = 40 },
                layers = new[] { "sites", "buildings" },
                kpi = "pm25",
            },
            new
            {
                target = new { kind = "area", id = "28185" },
                title = new { en = "Yeonsu-gu" },
                narrative = new { en = "The district around Songdo." },
                camera = new { center = new[] { 126.645, 37.395 }, zoom = 12, bearing = 0, pitch = 0 },
                layers = Array.Empty<string>(),
                simTime = "2024-06-25T08:00:00+09:00",
            },
        },
    };

    [Fact]
    public async Task The_city_packs_Songdo_tour_is_served_in_all_six_languages()
    {
        using var client = app.CreateHttpClient();
        var tours = await client.GetFromJsonAsync<JsonElement>("/api/tours");
        var tour = tours.EnumerateArray().Single(t => t.GetProperty("id").GetString() == DefaultTour);
        Assert.Equal("Songdo smart-city field visit", tour.GetProperty("title").GetProperty("en").GetString());
        var stops = tour.GetProperty("stops").EnumerateArray().ToList();
        Assert.True(stops.Count >= 10, $"only {stops.Count} stops");
        foreach (var (stop, i) in stops.Select((s, i) => (s, i)))
        {
            foreach (var language in Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(stop.GetProperty("title").GetProperty(language).GetString()), $"stop {i} has no {language} title");
                Assert.False(string.IsNullOrWhiteSpace(stop.GetProperty("narrative").GetProperty(language).GetString()), $"stop {i} has no {language} narrative");
            }
        }
        // Every field-visit site of the pack is a stop.
        var sites = await client.GetFromJsonAsync<JsonElement>("/api/layers/sites");
        var siteIds = sites.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetString()).ToHashSet();
        var visited = stops.Select(s => s.GetProperty("target")).Where(t => t.GetProperty("kind").GetString() == "site").Select(t => t.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(siteIds, visited);
        Assert.Equal(8, siteIds.Count);
        // The operation centre's five services: five stops, each with the KPI of its live data.
        var kpis = stops.Where(s => s.TryGetProperty("kpi", out var k) && k.ValueKind == JsonValueKind.String).Select(s => s.GetProperty("kpi").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "streetlightKw", "floodMaxCm", "congestionIndex", "pm25" }, kpis);
    }

    [Fact]
    public async Task A_trainer_creates_edits_reorders_exports_imports_and_deletes_a_tour_and_each_write_is_audited()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var body = NewTour();
        var id = (string)body["id"]!;

        var created = await trainer.PostAsJsonAsync("/api/tours", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/tours/{id}", created.Headers.Location?.OriginalString);
        var tour = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The park", tour.GetProperty("stops")[0].GetProperty("title").GetProperty("en").GetString());
        Assert.StartsWith("trainer-", tour.GetProperty("updatedBy").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await trainer.PostAsJsonAsync("/api/tours", body)).StatusCode);

        // Reorder: the area first, the park second.
        var stops = (object[])body["stops"]!;
        body["stops"] = new[] { stops[1], stops[0] };
        var updated = await trainer.PutAsJsonAsync($"/api/tours/{id}", body);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await trainer.GetFromJsonAsync<JsonElement>($"/api/tours/{id}");
        Assert.Equal(["area", "site"], read.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("target").GetProperty("kind").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2024-06-25T08:00:00+09:00"), read.GetProperty("stops")[0].GetProperty("simTime").GetDateTimeOffset());

        var export = await trainer.GetAsync($"/api/tours/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var exported = await export.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await trainer.DeleteAsync($"/api/tours/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/api/tours/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.DeleteAsync($"/api/tours/{id}")).StatusCode);

        var imported = await trainer.PostAsync("/api/tours/import", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var back = await trainer.GetFromJsonAsync<JsonElement>($"/api/tours/{id}");
        Assert.Equal(read.GetProperty("stops").GetRawText(), back.GetProperty("stops").GetRawText());
        var again = await trainer.PostAsync("/api/tours/import", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=tour.&target={id}&pageSize=50");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, actions.Count(a => a == "tour.create"));
        Assert.Equal(1, actions.Count(a => a == "tour.update"));
        Assert.Equal(1, actions.Count(a => a == "tour.delete"));
        Assert.Equal(2, actions.Count(a => a == "tour.import"));
    }

    [Fact]
    public async Task A_tour_without_an_id_gets_one_from_its_English_title()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var body = NewTour();
        body.Remove("id");
        body["title"] = new { en = "Night walk: Songdo's lights!" };
        var first = await (await trainer.PostAsJsonAsync("/api/tours", body)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await trainer.PostAsJsonAsync("/api/tours", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("night-walk-songdo-s-lights", first.GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        foreach (var id in new[] { first, second }.Select(t => t.GetProperty("id").GetString())) await trainer.DeleteAsync($"/api/tours/{id}");
    }

    public static TheoryData<string, string> InvalidStops => new()
    {
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":40}}""", "stops[1].camera.zoom" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[200,37.4],"zoom":12}}""", "stops[1].camera.center[0]" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6],"zoom":12}}""", "stops[1].camera.center" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12,"pitch":90}}""", "stops[1].camera.pitch" },
        { """{"target":{"kind":"site","id":"no-such-site"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].target.id" },
        { """{"target":{"kind":"area","id":"99999"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].target.id" },
        { """{"target":{"kind":"building","id":"x"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].target.kind" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"ko":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].title.en" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x","fr":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].title.fr" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12}}""", "stops[1].narrative.en" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12},"layers":["sites","satellite"]}""", "stops[1].layers[1]" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12},"kpi":"happiness"}""", "stops[1].kpi" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"}}""", "stops[1].camera" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12},"scenarioId":"../etc"}""", "stops[1].scenarioId" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":"near"}}""", "stops[1].camera.zoom" },
        { """{"target":{"kind":"site","id":"songdo-central-park"},"title":{"en":"x"},"narrative":{"en":"x"},"camera":{"center":[126.6,37.4],"zoom":12},"simTime":"yesterday"}""", "stops[1].simTime" },
    };

    [Theory, MemberData(nameof(InvalidStops))]
    public async Task An_invalid_stop_is_refused_naming_the_field_with_its_index(string secondStop, string field)
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var good = JsonSerializer.Serialize(((object[])NewTour()["stops"]!)[0], JsonSerializerOptions.Web);
        var json = $$"""{"id":"invalid-{{Guid.NewGuid():N}}","title":{"en":"Invalid"},"stops":[{{good}},{{secondStop}}]}""";
        foreach (var (method, url) in new[] { (HttpMethod.Post, "/api/tours"), (HttpMethod.Post, "/api/tours/import") })
        {
            var response = await trainer.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains(fields, f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase) || f.StartsWith($"$.{field}", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("""{"title":{"en":"No stops"},"stops":[]}""", "stops")]
    [InlineData("""{"id":"Bad Id!","title":{"en":"x"},"stops":[]}""", "id")]
    [InlineData("""{"stops":[]}""", "title.en")]
    public async Task An_invalid_tour_is_refused_naming_the_field(string json, string field)
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var response = await trainer.PostAsync("/api/tours", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Replacing_a_tour_under_another_id_is_refused()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var response = await trainer.PutAsJsonAsync($"/api/tours/{DefaultTour}", NewTour("some-other-id"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _));
    }

    public static TheoryData<string?, HttpStatusCode> WriteRoles => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { Roles.Viewer, HttpStatusCode.Forbidden },
        { Roles.Operator, HttpStatusCode.Forbidden },
        { Roles.Planner, HttpStatusCode.Forbidden },
        { Roles.Trainer, HttpStatusCode.BadRequest },
        { Roles.Admin, HttpStatusCode.BadRequest },
    };

    [Theory, MemberData(nameof(WriteRoles))]
    public async Task Writing_tours_is_for_trainers_and_admins(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? app.CreateHttpClient() : await app.CreateClientAsAsync(role);
        // Invalid bodies: an allowed caller reaches validation (400) and nothing changes.
        var empty = () => new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(expected, (await client.PostAsync("/api/tours", empty())).StatusCode);
        Assert.Equal(expected, (await client.PostAsync("/api/tours/import", empty())).StatusCode);
        Assert.Equal(expected, (await client.PutAsync($"/api/tours/{DefaultTour}", empty())).StatusCode);
        var allowed = expected == HttpStatusCode.BadRequest ? HttpStatusCode.NotFound : expected;
        Assert.Equal(allowed, (await client.DeleteAsync("/api/tours/no-such-tour")).StatusCode);
        Assert.Equal(allowed, (await client.PostAsync("/api/tours/no-such-tour/present", null)).StatusCode);
        // Reading stays public.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/tours/{DefaultTour}")).StatusCode);
    }
}
