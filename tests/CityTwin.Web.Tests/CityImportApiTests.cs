using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// The city-pack import over HTTP: admins only, checked and previewed without writing, then written
/// into the packs folder (audited) where the list and the boundaries endpoint find it; every broken
/// or hostile upload is a 400 naming the file and feature.
/// </summary>
public sealed class CityImportApiTests(CityImportHost host) : IClassFixture<CityImportHost>
{
    private readonly HttpClient _admin = host.App.CreateClientAs(Roles.Admin);
    private ImportFixtures Files => host.Files;

    private MultipartFormDataContent Form(string id, bool dryRun, params (string Field, string Path)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(id), "id" },
            { new StringContent("Harbourton"), "name" },
            { new StringContent("Asia/Seoul"), "timeZone" },
            { new StringContent(ImportFixtures.MappingJson), "mapping" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        };
        foreach (var (field, path) in files)
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), field, Path.GetFileName(path));
        return form;
    }

    private (string Field, string Path)[] GoodFiles() =>
    [
        ("gu", Files.WriteShapefileZip($"gu-{Guid.NewGuid():N}.zip", "gu", ImportFixtures.GuFeatures(), 5186)),
        ("dong", Files.WriteGeoJson($"dong-{Guid.NewGuid():N}.geojson", ImportFixtures.DongFeatures(withParent: false))),
    ];

    [Fact]
    public async Task A_dry_run_previews_the_boundaries_and_writes_nothing()
    {
        var response = await _admin.PostAsync("/api/cities/import", Form("preview-only", dryRun: true, GoodFiles()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(preview.GetProperty("written").GetBoolean());
        Assert.Equal(2, preview.GetProperty("gu").GetInt32());
        Assert.Equal(4, preview.GetProperty("dongs").GetInt32());
        var features = preview.GetProperty("boundaries").GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(6, features.Count);
        Assert.Equal(4, features.Count(f => f.GetProperty("properties").GetProperty("level").GetString() == "dong"));
        var bounds = preview.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(ImportFixtures.West, bounds[0], 5);
        Assert.Equal(ImportFixtures.South, bounds[1], 5);
        Assert.False(Directory.Exists(Path.Combine(host.PacksPath, "preview-only")));
        var cities = await _admin.GetFromJsonAsync<JsonElement>("/api/cities");
        Assert.DoesNotContain(cities.EnumerateArray(), c => c.GetProperty("id").GetString() == "preview-only");
    }

    [Fact]
    public async Task An_import_writes_a_pack_that_loads_is_listed_audited_and_shows_its_boundaries()
    {
        var response = await _admin.PostAsync("/api/cities/import", Form("harbourton", dryRun: false, GoodFiles()));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("written").GetBoolean());
        var catalog = CityPackLoader.Load(Path.Combine(host.PacksPath, "harbourton"));
        Assert.Equal(4, catalog.Dongs.Count);

        var cities = await host.App.CreateClient().GetFromJsonAsync<JsonElement>("/api/cities");
        var running = Assert.Single(cities.EnumerateArray(), c => c.GetProperty("running").GetBoolean());
        Assert.Equal(SyntheticCityPack.Id, running.GetProperty("id").GetString());
        var imported = Assert.Single(cities.EnumerateArray(), c => c.GetProperty("id").GetString() == "harbourton");
        Assert.True(imported.GetProperty("imported").GetBoolean());
        Assert.False(imported.GetProperty("running").GetBoolean());
        Assert.Equal(SyntheticCityPack.Id, imported.GetProperty("borrowedFrom").GetString());
        Assert.Contains("climate", imported.GetProperty("borrowed").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal($"--City:Path={Path.Combine(host.PacksPath, "harbourton")}", imported.GetProperty("runWith").GetString());

        var boundaries = await host.App.CreateClient().GetFromJsonAsync<JsonElement>("/api/cities/harbourton/boundaries");
        Assert.Equal(6, boundaries.GetProperty("features").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await host.App.CreateClient().GetAsync("/api/cities/nowhere/boundaries")).StatusCode);

        var audit = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?target=harbourton");
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "city.import");
        Assert.Contains("2 gu, 4 dongs", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The same id again is a conflict, not an overwrite.
        var again = await _admin.PostAsync("/api/cities/import", Form("harbourton", dryRun: false, GoodFiles()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsync("/api/cities/import", Form(SyntheticCityPack.Id, dryRun: true, GoodFiles()))).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Planner, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Trainer, HttpStatusCode.Forbidden)]
    public async Task Only_admins_may_import(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? host.App.CreateClient() : await host.App.CreateClientAsAsync(role);
        var response = await client.PostAsync("/api/cities/import", Form($"denied-{role ?? "anonymous"}", dryRun: false, GoodFiles()));
        Assert.Equal(expected, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(host.PacksPath, $"denied-{role ?? "anonymous"}")));
    }

    [Fact]
    public async Task A_signed_in_admin_needs_the_anti_forgery_token()
    {
        var name = await host.App.CreateUserAsync(Roles.Admin);
        using var session = SessionClient.For(host.App);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name)).StatusCode);
        await session.MeAsync();

        var without = await session.Http.PostAsync("/api/cities/import", Form("csrf-check", dryRun: true, GoodFiles()));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("anti-forgery", await without.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cities/import") { Content = Form("csrf-check", dryRun: true, GoodFiles()) };
        request.Headers.Add("X-CSRF-TOKEN", session.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_broken_file_is_a_400_naming_the_file_and_the_feature()
    {
        var dong = Files.WriteText($"broken-{Guid.NewGuid():N}.geojson", """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "DONG_CODE": "1101", "DONG_NAME": "Westgate 1" }, "geometry": { "type": "Point", "coordinates": [126.61, 37.41] } } ] }
            """);
        var response = await _admin.PostAsync("/api/cities/import", Form("broken", dryRun: true, ("gu", GoodFiles()[0].Path), ("dong", dong)));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty(Path.GetFileName(dong)).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(["feature #0 (Westgate 1): is a Point, expected Polygon or MultiPolygon"], messages);
        var listed = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("#0 (Westgate 1)", listed.GetProperty("feature").GetString());
    }

    [Fact]
    public async Task A_zip_with_a_path_outside_it_is_a_400()
    {
        var zip = Files.WriteZip($"evil-{Guid.NewGuid():N}.zip", ("../../../tmp/evil.shp", new byte[64]), ("x.dbf", new byte[16]));
        var response = await _admin.PostAsync("/api/cities/import", Form("evil", dryRun: false, ("gu", zip)));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("path outside the zip", problem.GetProperty("errors").GetProperty(Path.GetFileName(zip))[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413()
    {
        var big = Files.WriteText($"big-{Guid.NewGuid():N}.geojson", new string(' ', (int)CityImportHost.UploadLimit + 1024));
        var response = await _admin.PostAsync("/api/cities/import", Form("big", dryRun: true, ("gu", big)));
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("id", "Bad Id!", "id")]
    [InlineData("dryRun", "perhaps", "dryRun")]
    [InlineData("mapping", "{ \"gu\": { \"kode\": \"X\" } }", "mapping")]
    [InlineData("crs", "EPSG:999999", "crs")]
    [InlineData("timeZone", "Mars/Olympus", "timeZone")]
    [InlineData("colour", "blue", "colour")]
    public async Task A_bad_form_field_is_a_400_naming_it(string field, string value, string named)
    {
        // MultipartFormDataContent has no Remove: rebuild the form without the field, then add the bad value.
        var form = Form("fields", dryRun: true, GoodFiles());
        var rebuilt = new MultipartFormDataContent();
        foreach (var part in form.Where(p => p.Headers.ContentDisposition?.Name?.Trim('"') != field)) rebuilt.Add(part);
        rebuilt.Add(new StringContent(value), field);

        var problem = await ProblemAsync(await _admin.PostAsync("/api/cities/import", rebuilt), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(named, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_a_400_naming_the_body()
    {
        var response = await _admin.PostAsync("/api/cities/import", new StringContent("{\"id\":\"x\"}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));

        var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nabc"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await ProblemAsync(await _admin.PostAsync("/api/cities/import", content), HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
