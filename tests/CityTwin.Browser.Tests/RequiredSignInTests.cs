using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A city that requires sign-in for everything (Security:RequireSignIn): the page asks for an
/// account before it loads any data, cannot be dismissed without one, and loads once signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequiredSignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_page_asks_for_an_account_before_it_loads_anything()
    {
        await using var app = TwinAppFactory.Create(new TwinAppOptions
        {
            Kestrel = true,
            Settings = new Dictionary<string, string> { ["Security:RequireSignIn"] = "true" },
        });
        var baseAddress = app.Start();
        await app.WaitUntilLiveAsync();
        var user = await app.CreateUserAsync(Roles.Viewer);

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = baseAddress.ToString(),
        });
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(MapSession.Timeout);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            var dataRequests = new List<string>();
            page.Request += (_, r) => { if (r.Url.Contains("/api/", StringComparison.Ordinal) && !r.Url.Contains("/api/account/", StringComparison.Ordinal)) dataRequests.Add(r.Url); };
            await page.GotoAsync("/");

            var dialog = page.GetByTestId("signin-dialog");
            await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            Assert.Contains("signed-in users only", await dialog.GetByTestId("signin-intro").InnerTextAsync());
            Assert.True(await dialog.GetByTestId("signin-dialog-close").IsHiddenAsync(), "the dialog offers to close without signing in");
            await page.Keyboard.PressAsync("Escape");
            await Task.Delay(300);
            Assert.True(await dialog.IsVisibleAsync(), "Escape closed the required sign-in");
            Assert.Empty(dataRequests);

            await dialog.GetByTestId("signin-username").FillAsync(user);
            await dialog.GetByTestId("signin-password").FillAsync(TwinAccounts.Password);
            await dialog.GetByTestId("signin-submit").ClickAsync();
            await page.WaitForFunctionAsync("() => window.cityTwin && window.cityTwin.ready === true", null,
                new PageWaitForFunctionOptions { Timeout = MapSession.Timeout, PollingInterval = 100 });
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=connection-status]').dataset.state === 'connected'", null,
                new PageWaitForFunctionOptions { Timeout = MapSession.Timeout, PollingInterval = 100 });
            Assert.Contains(dataRequests, u => u.EndsWith("/api/city", StringComparison.Ordinal));
            Assert.Empty(errors);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
