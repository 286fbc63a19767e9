using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The offline field kit: the product asks nothing of any host but its own. Every request the
/// browser makes to another origin is aborted and recorded while the map (zoomed out and in, with
/// its vector tiles), the planner and the public view load; none may have been tried.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineFieldKitTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_map_the_planner_and_the_public_view_make_no_request_outside_their_own_origin()
    {
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        var foreign = new ConcurrentBag<string>();
        var own = 0;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = fixture.BaseAddress.ToString(),
        });
        try
        {
            await context.RouteAsync("**/*", async route =>
            {
                var url = route.Request.Url;
                if (url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref own);
                    await route.ContinueAsync();
                }
                else
                {
                    foreign.Add(url);
                    await route.AbortAsync("internetdisconnected");
                }
            });
            var session = new MapSession(context, await context.NewPageAsync(), fixture);
            await session.GotoAsync("/");
            await session.WaitForIdleAsync();
            // Zoomed in on Songdo: buildings, roads and sensors from the app's own vector tiles.
            await session.JumpToAsync(126.64, 37.39, 15);
            await session.WaitForRenderedAsync("assets-circle", "roads-line", "buildings-fill");

            await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
            await PlannerTests.OpenPlannerAsync(session);

            await session.Page.GotoAsync("/public.html");
            await session.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=indicator-cards] article').length > 0",
                null, new PageWaitForFunctionOptions { Timeout = MapSession.Timeout });
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            Assert.True(own > 20, $"only {own} requests went through the route: the check saw nothing");
            Assert.True(foreign.IsEmpty, "requests outside the app's origin: " + string.Join(", ", foreign.Distinct()));
            Assert.Empty(session.PageErrors);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
