using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CityTwin.Web.Tests;

/// <summary>
/// Every write checks its role: each boundary is tried anonymously and with a token of each role.
/// The bodies are chosen so that an allowed call changes nothing lasting (the clock is set to what
/// the shared host runs at; the scenario body is invalid, so an allowed planner gets 400, not a run).
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class RoleBoundaryTests(TwinAppFactory app)
{
    public static TheoryData<string?, HttpStatusCode> ClockRoles => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { Roles.Viewer, HttpStatusCode.Forbidden },
        { Roles.Operator, HttpStatusCode.Forbidden },
        { Roles.Planner, HttpStatusCode.Forbidden },
        { Roles.Trainer, HttpStatusCode.OK },
        { Roles.Admin, HttpStatusCode.OK },
    };

    [Theory, MemberData(nameof(ClockRoles))]
    public async Task Clock_control_is_for_trainers_and_admins(string? role, HttpStatusCode expected)
    {
        using var client = await ClientAsync(role);
        var response = await client.PostAsJsonAsync("/api/clock", new { speed = 60, paused = false });
        await AssertStatusAsync(expected, response);
    }

    public static TheoryData<string?, HttpStatusCode> ScenarioRoles => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { Roles.Viewer, HttpStatusCode.Forbidden },
        { Roles.Operator, HttpStatusCode.Forbidden },
        { Roles.Trainer, HttpStatusCode.Forbidden },
        { Roles.Planner, HttpStatusCode.BadRequest },
        { Roles.Admin, HttpStatusCode.BadRequest },
    };

    [Theory, MemberData(nameof(ScenarioRoles))]
    public async Task Running_scenarios_is_for_planners_and_admins(string? role, HttpStatusCode expected)
    {
        using var client = await ClientAsync(role);
        // Invalid on purpose: an allowed caller reaches validation (400), nobody starts a run.
        await AssertStatusAsync(expected, await client.PostAsync("/api/scenarios", new StringContent("{}", Encoding.UTF8, "application/json")));
        // Deleting and publishing an unknown scenario: allowed callers learn it does not exist.
        var allowed = expected == HttpStatusCode.BadRequest ? HttpStatusCode.NotFound : expected;
        await AssertStatusAsync(allowed, await client.DeleteAsync("/api/scenarios/nonexistent"));
        await AssertStatusAsync(allowed, await client.PostAsJsonAsync("/api/scenarios/nonexistent/publish", new { published = true }));
    }

    public static TheoryData<string?, HttpStatusCode> AdminRoles => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { Roles.Viewer, HttpStatusCode.Forbidden },
        { Roles.Operator, HttpStatusCode.Forbidden },
        { Roles.Planner, HttpStatusCode.Forbidden },
        { Roles.Trainer, HttpStatusCode.Forbidden },
        { Roles.Admin, HttpStatusCode.OK },
    };

    [Theory, MemberData(nameof(AdminRoles))]
    public async Task User_administration_the_audit_log_and_metrics_are_for_admins(string? role, HttpStatusCode expected)
    {
        using var client = await ClientAsync(role);
        foreach (var url in new[] { "/api/admin/users", "/api/admin/tokens", "/api/admin/audit", "/api/admin/audit.csv", "/metrics" })
            await AssertStatusAsync(expected, await client.GetAsync(url), url);
        var create = await client.PostAsJsonAsync("/api/admin/users", new { userName = "", password = "" });
        await AssertStatusAsync(expected == HttpStatusCode.OK ? HttpStatusCode.BadRequest : expected, create, "POST /api/admin/users");
    }

    [Fact]
    public async Task The_dashboard_sends_a_browser_to_sign_in_and_opens_for_an_admin()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/?signin=1&returnUrl=%2Fdashboard", refused.Headers.Location?.OriginalString);

        using var planner = await ClientAsync(Roles.Planner);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/dashboard/")).StatusCode);
        using var admin = await ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task A_refused_change_of_a_signed_in_account_is_audited()
    {
        var name = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = app.CreateHttpClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenForAsync(name, Roles.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/clock", new { paused = true })).StatusCode);

        using var admin = await ClientAsync(Roles.Admin);
        var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/audit?actor={name}");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal(AuditActions.Forbidden, entry.GetProperty("action").GetString());
        Assert.Equal(AuditOutcomes.Refused, entry.GetProperty("outcome").GetString());
        Assert.Equal("POST /api/clock", entry.GetProperty("target").GetString());
        Assert.Equal("token", entry.GetProperty("via").GetString());
    }

    [Fact]
    public async Task Reads_stay_public()
    {
        using var anonymous = app.CreateClient();
        foreach (var url in new[] { "/api/city", "/api/clock", "/api/districts", "/api/scenarios", "/api/scenarios/catalog", "/api/status", "/healthz", "/api/account/me" })
            Assert.True((await anonymous.GetAsync(url)).IsSuccessStatusCode, url);
    }

    private async Task<HttpClient> ClientAsync(string? role) => role is null ? app.CreateClient() : await app.CreateClientAsAsync(role);


    private static async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response, string? what = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{what ?? response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        if ((int)expected >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
