using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>Accounts, tokens, sessions and the audit log survive a restart on the same store.</summary>
public sealed class AccountDurabilityTests
{
    [Fact]
    public async Task Accounts_tokens_sessions_and_audit_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string name, secret;
            System.Net.CookieContainer cookies = new();
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.WaitUntilLiveAsync();
                name = await first.CreateUserAsync(Roles.Trainer);
                secret = await first.CreateTokenAsync(Roles.Planner);
                using var session = SessionClient.For(first);
                Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name)).StatusCode);
                await session.MeAsync();
                Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/clock", new { speed = 12 })).StatusCode);
                foreach (var cookie in (await session.SignInAsync(name)).Headers.GetValues("Set-Cookie"))
                    cookies.SetCookies(first.Server.BaseAddress, cookie);
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.WaitUntilLiveAsync();
            // The browser's cookie from before the restart still opens the session (keys are in the store).
            using var browser = second.CreateClient();
            browser.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(second.Server.BaseAddress));
            var me = await browser.GetFromJsonAsync<JsonElement>("/api/account/me");
            Assert.True(me.GetProperty("signedIn").GetBoolean(), me.ToString());
            Assert.Equal(name, me.GetProperty("userName").GetString());

            using var script = second.CreateClient();
            script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            Assert.Equal(HttpStatusCode.NotFound, (await script.DeleteAsync("/api/scenarios/nonexistent")).StatusCode);

            using var admin = await second.CreateClientAsAsync(Roles.Admin);
            var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?actor={name}&action=clock.set");
            Assert.Equal(1, audit.GetProperty("total").GetInt32());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
