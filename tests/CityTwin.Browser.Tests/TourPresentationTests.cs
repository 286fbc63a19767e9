using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A trainer presents a tour in one browser while participants follow in others, a phone among
/// them: the presenter moves on (button and arrow key) and the followers' maps fly to the stop; a
/// late joiner lands on the current stop; a follower who pans is detached, is not moved, and comes
/// back with one tap; the presenter's ping pulses on the followers' maps; a follower cannot drive.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TourPresentationTests(BrowserFixture fixture)
{
    private static readonly object[] Stops =
    [
        Stop("g-tower", "G-Tower", 126.6342, 37.3964, 15.5),
        Stop("songdo-central-park", "Central Park", 126.6394, 37.3925, 15.0),
        Stop("songdo-convensia", "Convensia", 126.6462, 37.3891, 16.0),
    ];

    private static object Stop(string site, string title, double lon, double lat, double zoom) => new
    {
        target = new { kind = "site", id = site },
        title = new { en = title, ko = $"{title} (ko)" },
        narrative = new { en = $"About {title}." },
        camera = new { center = new[] { lon, lat }, zoom, bearing = 0, pitch = 0 },
        layers = new[] { "sites", "buildings" },
    };

    [Fact]
    public async Task Followers_on_a_phone_and_a_laptop_follow_the_presenter_live()
    {
        // A tour of its own (no simulated times: the shared app's clock stays as it is).
        var trainer = await fixture.App.CreateUserAsync(Roles.Trainer);
        using (var api = fixture.App.CreateHttpClient())
        {
            api.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.App.CreateTokenForAsync(trainer, Roles.Trainer));
            var created = await api.PostAsJsonAsync("/api/tours", new { id = "browser-walk", title = new { en = "Browser walk" }, stops = Stops });
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{created.StatusCode}");
        }

        await using var presenter = await fixture.OpenAsync(width: 1280, height: 800);
        await presenter.SignInAsync(trainer);
        var page = presenter.Page;
        await page.GetByTestId("tours-button").ClickAsync();
        var item = page.Locator("[data-testid=tour-item][data-id=browser-walk]");
        await item.GetByTestId("tour-present").ClickAsync();
        await page.GetByTestId("presenter").WaitForAsync();
        var code = (await page.GetByTestId("presenter-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{6}$", code);
        Assert.Equal("G-Tower", await page.GetByTestId("presenter-title").InnerTextAsync());

        // A phone opens the QR code's link.
        await using var phone = await fixture.OpenAsync(width: 390, height: 844, touch: true, path: $"/?join={code}");
        await phone.WaitForAsync("() => window.cityTwin.tours?.follower.stopIndex === 0");
        await WaitForCentreAsync(phone, 126.6342, 37.3964);
        Assert.Equal("G-Tower", await phone.Page.GetByTestId("follower-title").InnerTextAsync());

        // Next, by the arrow key: the phone's map flies to Central Park.
        await page.Keyboard.PressAsync("ArrowRight");
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 1");
        await WaitForCentreAsync(phone, 126.6394, 37.3925);
        Assert.Equal("Central Park", await phone.Page.GetByTestId("follower-title").InnerTextAsync());
        Assert.Equal(15.0, await phone.EvalAsync<double>("() => window.cityTwin.map.getZoom()"), 1);

        // A laptop joins late with the code typed in the tours drawer and lands on the current stop.
        await using var laptop = await fixture.OpenAsync(width: 1280, height: 800);
        await laptop.Page.GetByTestId("tours-button").ClickAsync();
        await laptop.Page.GetByTestId("join-code").FillAsync(code.ToLowerInvariant());
        await laptop.Page.GetByTestId("join-button").ClickAsync();
        await laptop.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 1");
        await WaitForCentreAsync(laptop, 126.6394, 37.3925);

        // The laptop pans away: detached, it stays where its user put it when the presenter moves on.
        await laptop.Page.Mouse.MoveAsync(700, 300);
        await laptop.Page.Mouse.DownAsync();
        await laptop.Page.Mouse.MoveAsync(520, 220, new MouseMoveOptions { Steps = 8 });
        await laptop.Page.Mouse.UpAsync();
        await laptop.WaitForAsync("() => window.cityTwin.tours.follower.detached === true");
        await laptop.Page.GetByTestId("follower-rejoin").WaitForAsync();
        var panned = await CentreAsync(laptop);

        await page.GetByTestId("presenter-next").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 2");
        await WaitForCentreAsync(phone, 126.6462, 37.3891);
        await laptop.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 2");
        Assert.Equal(panned, await CentreAsync(laptop));
        Assert.Equal("Convensia", await laptop.Page.GetByTestId("follower-title").InnerTextAsync());

        // One tap brings it back to the stop.
        await laptop.Page.GetByTestId("follower-rejoin").ClickAsync();
        await WaitForCentreAsync(laptop, 126.6462, 37.3891);
        Assert.False(await laptop.EvalAsync<bool>("() => window.cityTwin.tours.follower.detached"));

        // The presenter points at the map: both followers see the pulse.
        await page.GetByTestId("presenter-point").ClickAsync();
        await page.Mouse.ClickAsync(640, 250);
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.pings === 1 && document.querySelector('[data-testid=tour-ping]') !== null");
        await laptop.WaitForAsync("() => window.cityTwin.tours.follower.pings === 1");

        // A follower cannot drive the tour, however it asks.
        Assert.Equal(401, await phone.ForceAsync("POST", $"/api/tour-sessions/{code}/stop", "{\"index\":0}"));
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.cityTwin.tours.presenter.stopIndex"));

        await page.WaitForTimeoutAsync(500); // let the ping's pulse show in the pictures
        await presenter.ScreenshotAsync("tour-presenter-1280.png");
        await phone.ScreenshotAsync("tour-follower-390.png");
        await laptop.ScreenshotAsync("tour-follower-1280.png");
        await page.SetViewportSizeAsync(390, 844);
        await presenter.ScreenshotAsync("tour-presenter-390.png");
        await page.SetViewportSizeAsync(1280, 800);

        // The end reaches everyone.
        await page.GetByTestId("presenter-end").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.ended === true");
        Assert.Empty(presenter.PageErrors);
        Assert.Empty(phone.PageErrors);
        Assert.Empty(laptop.PageErrors);
    }

    [Fact]
    public async Task A_trainer_writes_a_tour_in_the_editor_with_the_map_view_as_camera()
    {
        var trainer = await fixture.App.CreateUserAsync(Roles.Trainer);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        await session.SignInAsync(trainer);
        var page = session.Page;
        await session.JumpToAsync(126.6394, 37.3925, 14.5);
        await page.GetByTestId("tours-button").ClickAsync();
        await page.GetByTestId("tour-new").ClickAsync();
        var editor = page.GetByTestId("tour-editor");
        var title = $"Editor walk {Guid.NewGuid():N}"[..20];
        await editor.GetByTestId("editor-title").FillAsync(title);
        var first = editor.GetByTestId("editor-stop").Nth(0);
        await first.GetByTestId("stop-title").FillAsync("The park");
        await first.GetByTestId("stop-narrative").FillAsync("A seawater canal.");
        await first.GetByTestId("stop-target").SelectOptionAsync("songdo-central-park");

        // A second stop, added where the map now is.
        await session.JumpToAsync(126.6462, 37.3891, 16);
        await editor.GetByTestId("editor-add-stop").ClickAsync();
        var second = editor.GetByTestId("editor-stop").Nth(1);
        await second.GetByTestId("stop-title").FillAsync("Convensia");
        await second.GetByTestId("stop-narrative").FillAsync("144 m without a column.");
        await second.GetByTestId("stop-target").SelectOptionAsync("songdo-convensia");

        // Without its English title the first stop is refused, and the error lands on its card.
        await first.GetByTestId("stop-title").FillAsync("");
        await editor.GetByTestId("editor-save").ClickAsync();
        await first.GetByTestId("stop-errors").GetByText("title.en", new LocatorGetByTextOptions { Exact = false }).WaitForAsync();
        await first.GetByTestId("stop-title").FillAsync("The park");
        await editor.GetByTestId("editor-save").ClickAsync();
        // Saved: the editor closes and the list shows the tour.
        await page.Locator("[data-testid=tour-item]", new PageLocatorOptions { HasText = title }).WaitForAsync();

        // Reorder in the editor and save again.
        await page.Locator("[data-testid=tour-item]", new PageLocatorOptions { HasText = title }).GetByTestId("tour-edit").ClickAsync();
        await editor.GetByTestId("editor-stop").Nth(1).GetByTestId("stop-up").ClickAsync();
        await session.ScreenshotAsync("tour-editor-1280.png");
        await editor.GetByTestId("editor-save").ClickAsync();
        await page.Locator("[data-testid=tour-item]", new PageLocatorOptions { HasText = title }).WaitForAsync();

        var tours = await session.EvalAsync<JsonElement>("async () => (await fetch('/api/tours')).json()");
        var tour = tours.EnumerateArray().Single(t => t.GetProperty("title").GetProperty("en").GetString() == title);
        var stops = tour.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(["songdo-convensia", "songdo-central-park"], stops.Select(s => s.GetProperty("target").GetProperty("id").GetString()));
        // "Use current map view" was the view when each stop was added.
        var camera = stops[0].GetProperty("camera");
        Assert.Equal(126.6462, camera.GetProperty("center")[0].GetDouble(), 3);
        Assert.Equal(16, camera.GetProperty("zoom").GetDouble(), 1);
        Assert.Equal(14.5, stops[1].GetProperty("camera").GetProperty("zoom").GetDouble(), 1);
        await using (var anonymous = await fixture.OpenAsync())
            Assert.Equal(401, await anonymous.ForceAsync("DELETE", $"/api/tours/{tour.GetProperty("id").GetString()}", ""));
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task A_stop_with_a_replay_time_replays_it_for_everyone_and_a_stop_with_a_scenario_offers_it()
    {
        var trainer = await fixture.App.CreateUserAsync(Roles.Trainer);
        var id = $"moments-{Guid.NewGuid():N}"[..20];
        DateTimeOffset replayTime;
        using (var api = fixture.App.CreateHttpClient())
        {
            // Half an hour before the city's simulated now, on a whole minute: inside the 24 h kept.
            var simNow = DateTimeOffset.Parse((await api.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("simTime").GetString()!, CultureInfo.InvariantCulture);
            replayTime = new DateTimeOffset(simNow.UtcTicks - simNow.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-30);
            object[] stops =
            [
                Stops[0],
                With(Stops[1], replayTime: replayTime),
                With(Stops[2], scenarioId: "no-such-run"),
                With(Stops[0], replayTime: simNow.AddDays(-3)),
            ];
            api.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.App.CreateTokenForAsync(trainer, Roles.Trainer));
            var created = await api.PostAsJsonAsync("/api/tours", new { id, title = new { en = "Moments" }, stops });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using var presenter = await fixture.OpenAsync(width: 1280, height: 800);
        await presenter.SignInAsync(trainer);
        var page = presenter.Page;
        await page.GetByTestId("tours-button").ClickAsync();
        await page.Locator($"[data-testid=tour-item][data-id={id}]").GetByTestId("tour-present").ClickAsync();
        await page.GetByTestId("presenter").WaitForAsync();
        var code = (await page.GetByTestId("presenter-code").InnerTextAsync()).Trim();
        await using var phone = await fixture.OpenAsync(width: 390, height: 844, touch: true, path: $"/?join={code}");
        await phone.WaitForAsync("() => window.cityTwin.tours?.follower.stopIndex === 0");
        Assert.False(await phone.EvalAsync<bool>("() => window.cityTwin.replay.active"));

        // The stop with a replay time: presenter and phone replay that minute.
        await page.GetByTestId("presenter-next").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 1 && window.cityTwin.replay.active");
        await phone.Page.GetByTestId("replay-time").WaitForAsync();
        Assert.Equal(replayTime, ReplayedAt(await phone.Page.GetByTestId("replay-time").GetAttributeAsync("data-t")));
        await presenter.WaitForAsync("() => window.cityTwin.tours.presenter.stopIndex === 1 && window.cityTwin.replay.active");
        Assert.Equal(replayTime, ReplayedAt(await page.GetByTestId("replay-time").GetAttributeAsync("data-t")));
        Assert.True(await phone.Page.GetByTestId("follower-scenario").IsHiddenAsync());
        await WaitForCentreAsync(phone, 126.6394, 37.3925);
        await phone.ScreenshotAsync("tour-replay-follower-390.png");
        await presenter.ScreenshotAsync("tour-replay-presenter-1280.png");

        // The next stop is live again and offers its scenario run, which is not published.
        await page.GetByTestId("presenter-next").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 2 && !window.cityTwin.replay.active");
        // The presenter's own page moves on when its request is answered, which may come after the push.
        await presenter.WaitForAsync("() => window.cityTwin.tours.presenter.stopIndex === 2 && !window.cityTwin.replay.active");
        Assert.Null(await phone.Page.EvalOnSelectorAsync<string?>("body", "b => b.dataset.replay ?? null"));
        foreach (var (session, who) in new[] { (phone, "follower"), (presenter, "presenter") })
        {
            var button = session.Page.GetByTestId($"{who}-scenario");
            await button.WaitForAsync();
            Assert.Equal("Open the scenario", (await button.InnerTextAsync()).Trim());
            await session.WaitForAsync($"() => window.cityTwin.tours.{who}.scenarioState === 'unpublished'");
            Assert.True(await button.IsDisabledAsync());
            await session.Page.GetByTestId($"{who}-scenario-note").WaitForAsync();
        }
        await WaitForCentreAsync(phone, 126.6462, 37.3891);
        await phone.ScreenshotAsync("tour-scenario-follower-390.png");
        await presenter.ScreenshotAsync("tour-scenario-presenter-1280.png");

        // A replay time older than the 24 h kept: a note, and the map stays live.
        await page.GetByTestId("presenter-next").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.stopIndex === 3 && window.cityTwin.tours.follower.note === 'tour.replayOutside'");
        await phone.Page.GetByTestId("follower-note").WaitForAsync();
        Assert.False(await phone.EvalAsync<bool>("() => window.cityTwin.replay.active"));
        Assert.True(await phone.Page.GetByTestId("follower-scenario").IsHiddenAsync());

        await page.GetByTestId("presenter-end").ClickAsync();
        await phone.WaitForAsync("() => window.cityTwin.tours.follower.ended === true");

        // The public view is one click away: in the laptop's header (within the row), in the phone's menu.
        var link = page.GetByTestId("public-link");
        Assert.True(await link.IsVisibleAsync());
        Assert.Equal("public.html", await link.GetAttributeAsync("href"));
        Assert.True((await link.BoundingBoxAsync())!.X + 1 < (await page.GetByTestId("account-button").BoundingBoxAsync())!.X);
        var account = (await page.GetByTestId("account-button").BoundingBoxAsync())!;
        Assert.True(account.X + account.Width <= 1280, $"the header overflows: {account.X + account.Width}");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.querySelector('.product').getBoundingClientRect().right <= document.querySelector('#alarm-chip').getBoundingClientRect().left"),
            "the product name runs into the alarm chip");
        await phone.Page.GetByTestId("menu-button").ClickAsync();
        var phoneLink = phone.Page.GetByTestId("public-link");
        await phoneLink.WaitForAsync();
        Assert.Equal("City performance (public)", (await phoneLink.InnerTextAsync()).Trim());
        await phone.ScreenshotAsync("public-link-menu-390.png");
        await presenter.ScreenshotAsync("public-link-header-1280.png");
        Assert.Empty(presenter.PageErrors);
        Assert.Empty(phone.PageErrors);
    }

    /// <summary>A stop of <see cref="Stops"/> with a replay time or a scenario run added.</summary>
    private static object With(object stop, DateTimeOffset? replayTime = null, string? scenarioId = null)
    {
        var json = JsonSerializer.SerializeToNode(stop)!.AsObject();
        if (replayTime is { } at) json["replayTime"] = at.ToString("O", CultureInfo.InvariantCulture);
        if (scenarioId is not null) json["scenarioId"] = scenarioId;
        return json;
    }

    private static DateTimeOffset ReplayedAt(string? iso) => DateTimeOffset.Parse(iso!, CultureInfo.InvariantCulture);

    private static async Task<(double Lon, double Lat)> CentreAsync(MapSession session)
    {
        var c = await session.EvalAsync<JsonElement>("() => { const c = window.cityTwin.map.getCenter(); return { lon: c.lng, lat: c.lat }; }");
        return (Math.Round(c.GetProperty("lon").GetDouble(), 5), Math.Round(c.GetProperty("lat").GetDouble(), 5));
    }

    /// <summary>Waits until the map has come to rest at the point (flights take a second or two, longer on a loaded machine).</summary>
    private static Task WaitForCentreAsync(MapSession session, double lon, double lat) =>
        session.WaitForAsync(string.Format(CultureInfo.InvariantCulture,
            "() => {{ const m = window.cityTwin.map; const c = m.getCenter(); return !m.isMoving() && Math.abs(c.lng - {0}) < 0.0005 && Math.abs(c.lat - {1}) < 0.0005; }}", lon, lat));
}
