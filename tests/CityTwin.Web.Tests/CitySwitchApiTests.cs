using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Web.Cities;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// The city switch endpoint's refusals, on a running twin (the Southbay pack) that must keep running:
/// admins only, anti-forgery for a cookie session, 404 for an unknown city, 409 for the city already
/// running and while an import runs. The switch itself is proven in <see cref="CitySwitchProcessTests"/>.
/// </summary>
public sealed class CitySwitchApiTests(CityImportHost host) : IClassFixture<CityImportHost>
{
    // Incheon is installed (shipped beside the app) and not running here: a real target.
    private const string Other = "incheon";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Planner, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Trainer, HttpStatusCode.Forbidden)]
    public async Task Only_admins_may_switch_the_city(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? host.App.CreateClient() : await host.App.CreateClientAsAsync(role);
        var response = await client.PostAsync($"/api/cities/{Other}/activate", null);
        Assert.Equal(expected, response.StatusCode);
        await AssertStillRunningAsync();
    }

    [Fact]
    public async Task A_signed_in_admin_needs_the_anti_forgery_token()
    {
        var name = await host.App.CreateUserAsync(Roles.Admin);
        using var session = SessionClient.For(host.App);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name)).StatusCode);
        await session.MeAsync();

        var without = await session.PostAsync($"/api/cities/{Other}/activate", new { }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        await AssertStillRunningAsync();
    }

    [Fact]
    public async Task An_unknown_city_is_404_and_the_running_one_409()
    {
        using var admin = await host.App.CreateClientAsAsync(Roles.Admin);
        var unknown = await admin.PostAsync("/api/cities/nowhere/activate", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var running = await admin.PostAsync($"/api/cities/{SyntheticCityPack.Id}/activate", null);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("already running", (await running.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        await AssertStillRunningAsync();
    }

    [Fact]
    public async Task No_switch_while_an_import_runs()
    {
        var imports = host.App.Services.GetRequiredService<CityImportRunner>();
        // Hold the import slot exactly as a running import does.
        Assert.True(imports.TryClose());
        try
        {
            using var admin = await host.App.CreateClientAsAsync(Roles.Admin);
            var response = await admin.PostAsync($"/api/cities/{Other}/activate", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("A city import is running", problem.GetProperty("title").GetString());
        }
        finally
        {
            imports.Reopen();
        }
        await AssertStillRunningAsync();
        Assert.False(File.Exists(Path.Combine(host.App.DataDirectory, ActiveCityFile.FileName)), "a refused switch was remembered");
    }

    private async Task AssertStillRunningAsync()
    {
        using var client = host.App.CreateClient();
        var city = await client.GetFromJsonAsync<JsonElement>("/api/city");
        Assert.Equal(SyntheticCityPack.Id, city.GetProperty("id").GetString());
    }
}
