using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>Admins add, disable and give roles to people; the last admin cannot be removed; the audit log is filterable and exportable.</summary>
[Collection(TwinCollection.Name)]
public sealed class AdministrationTests(TwinAppFactory app)
{
    [Fact]
    public async Task An_admin_creates_a_person_who_signs_in_with_the_roles_given_then_is_disabled()
    {
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var name = "planner-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName = name, displayName = "Siti Rahma", password = "first passphrase here", roles = new[] { Roles.Planner } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new string?[] { Roles.Planner }, user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());

        using var session = SessionClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name, "first passphrase here")).StatusCode);
        Assert.True((await session.MeAsync()).GetProperty("may").GetProperty("plan").GetBoolean());

        // The same name twice, an unknown role, a short password: 400s naming the field.
        var again = await admin.PostAsJsonAsync("/api/admin/users", new { userName = name, password = "first passphrase here" });
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userName", out _));
        var badRole = await admin.PostAsJsonAsync("/api/admin/users", new { userName = name + "x", password = "first passphrase here", roles = new[] { "mayor" } });
        Assert.True((await badRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("roles[0]", out _));
        var shortPassword = await admin.PostAsJsonAsync("/api/admin/users", new { userName = name + "y", password = "short" });
        Assert.True((await shortPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{name}/disable", null)).StatusCode);
        using var later = SessionClient.For(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await later.SignInAsync(name, "first passphrase here")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{name}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.SignInAsync(name, "first passphrase here")).StatusCode);

        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == name && u.GetProperty("displayName").GetString() == "Siti Rahma");
    }

    [Fact]
    public async Task The_last_enabled_admin_keeps_the_role()
    {
        // A host of its own: the shared host has many admins made by other tests.
        await using var host = TwinAppFactory.Create(new TwinAppOptions { QuietLogs = true, Settings = new Dictionary<string, string> { ["Accounts:InitialAdminPassword"] = "the first admin's passphrase" } });
        await host.WaitUntilLiveAsync();
        using var session = SessionClient.For(host);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync("admin", "the first admin's passphrase")).StatusCode);
        await session.MeAsync();
        var demote = new HttpRequestMessage(HttpMethod.Put, "/api/admin/users/admin/roles") { Content = JsonContent.Create(new { roles = new[] { Roles.Planner } }) };
        demote.Headers.Add("X-CSRF-TOKEN", session.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Conflict, (await session.Http.SendAsync(demote)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await session.PostAsync("/api/admin/users/admin/disable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_audit_log_filters_by_actor_action_and_time_and_exports_csv()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var session = SessionClient.For(app);
        await session.SignInAsync(trainer);
        await session.MeAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/clock", new { speed = 60, paused = false })).StatusCode);

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actor={trainer}&from={Uri.EscapeDataString(from.ToString("O"))}");
        var actions = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(new string?[] { AuditActions.ClockSet, AuditActions.SignIn }, actions);
        var clock = page.GetProperty("entries")[0];
        Assert.Equal("password", clock.GetProperty("via").GetString());
        Assert.Contains("speed 60×", clock.GetProperty("detail").GetString());

        var prefix = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actor={trainer}&action=clock.");
        Assert.Equal(1, prefix.GetProperty("total").GetInt32());
        var future = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actor={trainer}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        Assert.Equal(0, future.GetProperty("total").GetInt32());

        var csv = await admin.GetAsync($"/api/admin/audit.csv?actor={trainer}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("time_utc,actor,action,target,detail,outcome,address,via", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains($",{trainer},{AuditActions.ClockSet},", lines[1]);

        var invalid = await admin.GetAsync("/api/admin/audit?pageSize=100000&from=2026-01-02&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("pageSize", out _) && errors.TryGetProperty("to", out _), errors.ToString());
    }
}
