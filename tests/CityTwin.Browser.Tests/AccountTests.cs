using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// Signing in through the page as each role, and what each role is offered and refused: the
/// clock (trainers), scenarios (planners) and administration (admins). A control the page greys
/// out is also refused by the server when a script sends the change anyway.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const float RunTimeout = 90_000;

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Admin)]
    public async Task Each_role_signs_in_through_the_page_and_is_offered_only_what_it_may_do(string role)
    {
        var user = await fixture.App.CreateUserAsync(role);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var page = session.Page;

        // Nobody signed in: the header offers Sign in, the clock is read-only with its reason.
        var account = page.GetByTestId("account-button");
        Assert.Equal("false", await account.GetAttributeAsync("data-signed-in"));
        Assert.Contains("Sign in", await account.InnerTextAsync());
        Assert.True(await page.GetByTestId("speed-select").IsDisabledAsync(), "the clock can be changed without signing in");
        Assert.Equal(401, await session.ForceAsync("POST", "/api/clock", "{\"paused\":false}"));

        await session.SignInAsync(user);
        // At 1280 px the button shows the role chip; the name is in its label and atop its menu.
        Assert.Contains(user, await account.GetAttributeAsync("aria-label") ?? "");
        Assert.Equal(role, await page.GetByTestId("account-role").GetAttributeAsync("data-role"));

        // The clock: trainers and admins change it, the others see it read-only and are refused.
        var clockAllowed = role is Roles.Trainer or Roles.Admin;
        await session.WaitForAsync($"() => document.querySelector('[data-testid=speed-select]').disabled === {(!clockAllowed).ToString().ToLowerInvariant()}");
        Assert.Equal(!clockAllowed, await page.GetByTestId("pause-button").IsDisabledAsync());
        if (!clockAllowed)
        {
            Assert.Contains("trainer", await page.Locator(".sim-controls").GetAttributeAsync("title") ?? "");
            Assert.Equal(403, await session.ForceAsync("POST", "/api/clock", "{\"paused\":false}"));
        }
        else if (role == Roles.Trainer)
        {
            using var http = fixture.App.CreateHttpClient();
            var paused = (await http.GetFromJsonAsync<JsonElement>("api/clock")).GetProperty("paused").GetBoolean();
            await page.GetByTestId("pause-button").ClickAsync();
            await WaitForClockAsync(http, c => c.GetProperty("paused").GetBoolean() != paused);
            await session.WaitForAsync("() => !document.querySelector('[data-testid=pause-button]').disabled");
            await page.GetByTestId("pause-button").ClickAsync();
            await WaitForClockAsync(http, c => c.GetProperty("paused").GetBoolean() == paused);
        }

        // Scenarios: planners and admins run them; the others get a disabled Run with the reason.
        var planAllowed = role is Roles.Planner or Roles.Admin;
        await PlannerTests.OpenPlannerAsync(session);
        var card = await PlannerTests.AddLedLikeInterventionAsync(session, output);
        await PlannerTests.TargetWholeCityAsync(card);
        await page.GetByTestId("scenario-horizon").FillAsync("2");
        var run = page.GetByTestId("run-scenario");
        if (!planAllowed)
        {
            Assert.True(await run.IsDisabledAsync(), $"a {role} may press Run");
            Assert.Contains("planner", await page.GetByTestId("run-summary").InnerTextAsync());
            await page.GetByTestId("planner-tab-runs").ClickAsync();
            Assert.True(await page.GetByTestId("runs-role-hint").IsVisibleAsync(), "the Runs tab does not say why nothing can be changed");
            Assert.Equal(0, await page.Locator("[data-testid=scenario-run][data-published=false]").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=delete-run]:visible, [data-testid=publish-run]:visible, [data-testid=cancel-run]:visible").CountAsync());
            Assert.Equal(403, await session.ForceAsync("POST", "/api/scenarios", "{\"name\":\"forced\",\"horizonHours\":1,\"stepMinutes\":15,\"interventions\":[]}"));
        }
        else if (role == Roles.Planner)
        {
            await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");
            await page.GetByTestId("scenario-name").FillAsync($"Published by a planner {DateTime.UtcNow:HHmmss}");
            await run.ClickAsync();
            await session.WaitForAsync("() => !!window.cityTwin.planner.lastRunId");
            var id = await session.EvalAsync<string>("() => window.cityTwin.planner.lastRunId");
            var row = page.Locator($"[data-testid=scenario-run][data-run-id=\"{id}\"]");
            await page.WaitForFunctionAsync(
                "id => document.querySelector(`[data-testid=scenario-run][data-run-id=\"${CSS.escape(id)}\"]`)?.dataset.status === 'completed'",
                id, new PageWaitForFunctionOptions { Timeout = RunTimeout, PollingInterval = 200 });
            // Unpublished: the public does not see it. Published: a badge, and everyone sees it.
            using var anonymous = fixture.App.CreateHttpClient();
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/scenarios/{id}")).StatusCode);
            await row.GetByTestId("publish-run").ClickAsync();
            await row.GetByTestId("run-published").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            Assert.Equal("Unpublish", await row.GetByTestId("publish-run").InnerTextAsync());
            Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync($"api/scenarios/{id}")).StatusCode);
            await session.ScreenshotAsync("account-planner-published.png");
        }
        else
        {
            await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");
        }
        await page.GetByTestId("planner-close").ClickAsync();

        // Administration: in the menu of admins only.
        await account.ClickAsync();
        await page.GetByTestId("account-menu").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.True(await page.GetByTestId("menu-tokens").IsVisibleAsync());
        Assert.Contains(user, await page.GetByTestId("account-menu").InnerTextAsync());
        Assert.Equal(role == Roles.Admin, await page.GetByTestId("menu-admin").IsVisibleAsync());
        await session.ScreenshotAsync($"account-menu-{role}.png");
        await page.Keyboard.PressAsync("Escape");
        if (role != Roles.Admin) Assert.Equal(403, await session.ForceAsync("POST", "/api/admin/users", "{\"userName\":\"forced\",\"password\":\"forced forced forced\"}"));

        await session.SignOutAsync();
        Assert.True(await page.GetByTestId("speed-select").IsDisabledAsync());
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task An_admin_creates_an_account_and_finds_it_in_the_audit_log()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(admin);
        await page.GetByTestId("account-button").ClickAsync();
        await page.GetByTestId("menu-admin").ClickAsync();
        var panel = page.GetByTestId("admin-panel");
        await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await panel.GetByTestId("users-table").WaitForAsync();
        Assert.True(await panel.Locator($"[data-testid=user-row][data-user=\"{admin}\"]").IsVisibleAsync());

        // A field the server refuses is flagged beside the field (a password below the rule).
        var name = $"field-{Guid.NewGuid().ToString("N")[..6]}";
        await panel.GetByTestId("new-user-name").FillAsync(name);
        await panel.GetByTestId("new-user-password").FillAsync("short");
        await panel.GetByTestId("new-user-create").ClickAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=new-user-form] [aria-invalid=true]') !== null");

        await panel.GetByTestId("new-user-password").FillAsync(TwinAccounts.Password);
        await panel.Locator("[data-testid=new-user-roles] input[data-role=operator]").CheckAsync();
        await panel.GetByTestId("new-user-create").ClickAsync();
        await panel.GetByTestId("new-user-done").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var row = panel.Locator($"[data-testid=user-row][data-user=\"{name}\"]");
        await row.WaitForAsync();
        Assert.True(await row.Locator("input[data-role=operator]").IsCheckedAsync());
        Assert.True(await row.Locator("input[data-role=viewer]").IsCheckedAsync());
        await session.ScreenshotAsync("admin-users-1280x800.png");

        // Roles saved with the checkboxes.
        await row.Locator("input[data-role=planner]").CheckAsync();
        await row.GetByTestId("user-save-roles").ClickAsync();
        await session.WaitForAsync($"() => document.querySelector('[data-testid=user-row][data-user=\"{name}\"] input[data-role=planner]')?.checked && document.querySelector('[data-testid=user-row][data-user=\"{name}\"] [data-testid=user-save-roles]').disabled");

        // The audit log: filtered to account creations, the new account is there, done by the admin.
        await panel.GetByTestId("admin-tab-audit").ClickAsync();
        await panel.GetByTestId("audit-action").FillAsync("user.create");
        await panel.GetByTestId("audit-actor").FillAsync(admin);
        await panel.GetByTestId("audit-apply").ClickAsync();
        await session.WaitForAsync("() => document.querySelectorAll('[data-testid=audit-row]').length > 0 && [...document.querySelectorAll('[data-testid=audit-row]')].every(r => r.dataset.action === 'user.create')");
        var entry = panel.Locator("[data-testid=audit-row]").Filter(new LocatorFilterOptions { HasText = name });
        Assert.Equal(1, await entry.CountAsync());
        Assert.Contains(admin, await entry.InnerTextAsync());
        var csv = await panel.GetByTestId("audit-csv").GetAttributeAsync("href");
        output.WriteLine($"csv: {csv}");
        Assert.Contains("action=user.create", csv);
        Assert.Contains($"actor={admin}", csv);
        Assert.DoesNotContain("page=", csv);
        var csvText = await session.EvalAsync<string>($"async () => (await fetch({JsonSerializer.Serialize(csv)})).text()");
        Assert.Contains(name, csvText);
        await session.ScreenshotAsync("admin-audit-1280x800.png");

        // Every token, and a phone's bottom sheet.
        await panel.GetByTestId("admin-tab-tokens").ClickAsync();
        await page.SetViewportSizeAsync(390, 844);
        await panel.GetByTestId("admin-tab-users").ClickAsync();
        await panel.GetByTestId("users-table").WaitForAsync();
        var box = (await panel.BoundingBoxAsync())!;
        Assert.InRange(box.Width, 389, 391);
        Assert.InRange(box.Y + box.Height, 843, 845);
        await session.ScreenshotAsync("admin-users-390x844.png");
        await panel.GetByTestId("admin-tab-audit").ClickAsync();
        await session.ScreenshotAsync("admin-audit-390x844.png");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task The_sign_in_dialog_explains_refusals_and_returns_to_the_page_that_asked()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Viewer);
        // A page refused for lack of an account sends the browser here, with where to go after.
        await using var session = await fixture.OpenAsync(width: 1280, height: 800, path: "/?signin=1&returnUrl=%2Fapi%2Fcity");
        var page = session.Page;
        var dialog = page.GetByTestId("signin-dialog");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.DoesNotContain("signin", page.Url);

        // Empty fields are flagged beside themselves, before asking the server.
        await dialog.GetByTestId("signin-submit").ClickAsync();
        Assert.Equal("true", await dialog.GetByTestId("signin-username").GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await dialog.GetByTestId("signin-password").GetAttributeAsync("aria-invalid"));
        await session.ScreenshotAsync("signin-empty-1280x800.png");

        // A wrong password: the server's refusal, said in the dialog.
        await dialog.GetByTestId("signin-username").FillAsync(user);
        await dialog.GetByTestId("signin-password").FillAsync("not the password");
        await dialog.GetByTestId("signin-submit").ClickAsync();
        await dialog.GetByTestId("signin-error").GetByText("wrong").WaitForAsync();
        await session.ScreenshotAsync("signin-wrong-1280x800.png");

        // Signed in, the browser goes where it was asked to (a path of this site only).
        await dialog.GetByTestId("signin-password").FillAsync(TwinAccounts.Password);
        await dialog.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync("**/api/city");
    }

    [Fact]
    public async Task On_a_phone_the_sign_in_dialog_and_the_signed_in_header_fit()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Planner);
        await using var session = await fixture.OpenAsync(width: 390, height: 844, touch: true);
        var page = session.Page;
        await page.GetByTestId("account-button").ClickAsync();
        var dialog = page.GetByTestId("signin-dialog");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var box = (await dialog.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the dialog spans {box.X:F0}–{box.X + box.Width:F0}");
        await session.ScreenshotAsync("signin-390x844.png");
        await session.SignInAsync(user);
        await session.ScreenshotAsync("signed-in-390x844.png");
        await page.GetByTestId("account-button").ClickAsync();
        await page.GetByTestId("account-menu").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var menu = (await page.GetByTestId("account-menu").BoundingBoxAsync())!;
        Assert.True(menu.X >= 0 && menu.X + menu.Width <= 390, $"the menu spans {menu.X:F0}–{menu.X + menu.Width:F0}");
        await session.ScreenshotAsync("account-menu-390x844.png");
        await page.Keyboard.PressAsync("Escape");

        // My API tokens: made with one's own roles, the secret shown once.
        await page.GetByTestId("account-button").ClickAsync();
        await page.GetByTestId("menu-tokens").ClickAsync();
        var tokens = page.GetByTestId("tokens-dialog");
        await tokens.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var scopes = await tokens.Locator("[data-testid=token-scopes] input").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Equal([Roles.Planner], scopes);
        await tokens.GetByTestId("token-name").FillAsync("phone test");
        await tokens.GetByTestId("token-create").ClickAsync();
        var secret = await tokens.GetByTestId("token-secret").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(secret));
        await tokens.Locator("[data-testid=token-row][data-state=active]").WaitForAsync();
        await session.ScreenshotAsync("tokens-390x844.png");
        using var http = fixture.App.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.True((await http.GetAsync("api/account/me")).IsSuccessStatusCode);
        var revoke = tokens.GetByTestId("token-revoke").First;
        await revoke.ClickAsync();
        await revoke.ClickAsync();
        await tokens.Locator("[data-testid=token-row][data-state=revoked]").WaitForAsync();
        Assert.Empty(session.PageErrors);
    }

    private static async Task WaitForClockAsync(HttpClient http, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var clock = await http.GetFromJsonAsync<JsonElement>("api/clock");
            if (condition(clock)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Clock never matched: {clock}");
            await Task.Delay(200);
        }
    }
}
