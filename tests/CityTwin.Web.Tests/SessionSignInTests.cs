using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>Password sign-in with the session cookie: anti-forgery on every change, lockout, sign-out, audit.</summary>
[Collection(TwinCollection.Name)]
public sealed class SessionSignInTests(TwinAppFactory app)
{
    [Fact]
    public async Task A_session_changes_things_only_with_its_anti_forgery_token()
    {
        var name = await app.CreateUserAsync(Roles.Trainer);
        using var session = SessionClient.For(app);
        var anonymous = await session.MeAsync();
        Assert.False(anonymous.GetProperty("signedIn").GetBoolean());

        var signedIn = await session.SignInAsync(name);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CityTwin.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        // The token read before signing in belongs to no session: refused.
        var stale = await session.PostAsync("/api/clock", new { speed = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.True((await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("X-CSRF-TOKEN", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync("/api/clock", new { speed = 60 }, withToken: false)).StatusCode);

        var me = await session.MeAsync();
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(new string?[] { Roles.Trainer }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        Assert.True(me.GetProperty("may").GetProperty("controlClock").GetBoolean());
        Assert.False(me.GetProperty("may").GetProperty("plan").GetBoolean());
        Assert.Equal("password", me.GetProperty("via").GetString());
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/clock", new { speed = 60 })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/account/sign-out", new { })).StatusCode);
        await session.MeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.PostAsync("/api/clock", new { speed = 60 })).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_alike_audited_and_lock_the_account_for_a_while()
    {
        var name = await app.CreateUserAsync(Roles.Planner);
        using var session = SessionClient.For(app);
        var unknown = await session.SignInAsync("no-such-person-" + Guid.NewGuid().ToString("N")[..6], "whatever-password");
        var wrong = await session.SignInAsync(name, "not the password at all");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // The answer does not tell which user names exist.
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        HttpResponseMessage last = wrong;
        for (var i = 0; i < 5 && last.StatusCode != HttpStatusCode.TooManyRequests; i++) last = await session.SignInAsync(name, "still not the password");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Locked: even the right password waits.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.SignInAsync(name)).StatusCode);

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var failures = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actor={name}&action={AuditActions.SignIn}&outcome={AuditOutcomes.Failed}");
        Assert.True(failures.GetProperty("total").GetInt32() >= 5);
        // An admin's password reset lifts the lock.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/users/{name}/password", new { password = "a brand new passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name, "a brand new passphrase")).StatusCode);
    }

    [Theory]
    [InlineData("{}", "userName")]
    [InlineData("{\"userName\":\"someone\"}", "password")]
    [InlineData("{\"userName\":42,\"password\":\"x\"}", "userName")]
    public async Task A_sign_in_without_its_fields_is_a_400_naming_the_field(string body, string field)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/account/sign-in", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}
