using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The page fits the screens it is used on: control-room monitors (1920 × 1080), laptops
/// (1280 × 800, in every UI language: Kazakh, Mongolian and Russian have the longest words) and
/// phones (390 × 844). Screenshots of each are saved under the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Bounding boxes of the header's visible controls (direct children, the menu's children inline),
    /// the header's height and whether it shows the paused state.
    /// </summary>
    private const string HeaderBoxes =
        """
        () => {
          const bar = document.querySelector('.topbar');
          // The menu's children stand in the row themselves on wide screens; the brand is measured by its
          // parts, so that a city name running over the next control counts as an overlap.
          const items = [...bar.children].flatMap(c =>
            c.id === 'header-menu' && getComputedStyle(c).display === 'contents' ? [...c.children]
              : c.classList.contains('brand') ? [c.querySelector('.logo'), ...c.querySelectorAll('.brand-text > *')] : [c]);
          const boxes = items
            .filter(e => !e.classList.contains('spacer'))
            .map(e => {
              const style = getComputedStyle(e);
              // Text that runs out of its box without being clipped still covers what is next to it.
              const clipped = style.overflowX === 'hidden' || style.overflowX === 'clip';
              const r = e.getBoundingClientRect();
              const width = clipped ? r.width : Math.max(r.width, e.scrollWidth);
              const group = e.closest('.brand') ? 'brand' : (e.id || e.getAttribute('class'));
              return { id: e.id || e.getAttribute('class'), group, left: r.left, top: r.top, right: r.left + width, bottom: r.bottom, display: style.display, w: r.width, h: r.height };
            })
            .filter(x => x.display !== 'none' && x.w > 0 && x.h > 0)
            .map(x => ({ id: x.id, group: x.group, left: x.left, top: x.top, right: x.right, bottom: x.bottom }));
          return { boxes, height: bar.getBoundingClientRect().height, paused: document.querySelector('#pause-button').dataset.paused };
        }
        """;

    [Theory]
    [InlineData(1920, 1080, "en-US", "layout-1920x1080.png", false)]
    [InlineData(1280, 800, "en-US", "layout-1280x800.png", false)]
    [InlineData(1280, 800, "id-ID", "layout-1280x800-id.png", false)] // the longest labels
    [InlineData(1280, 800, "ko-KR", "layout-1280x800-ko.png", false)]
    [InlineData(1280, 800, "kk-KZ", "layout-1280x800-kk.png", false)] // Cyrillic, long words
    [InlineData(1280, 800, "mn-MN", "layout-1280x800-mn.png", false)]
    [InlineData(1280, 800, "ru-RU", "layout-1280x800-ru.png", false)]
    [InlineData(1440, 900, "ko-KR", "layout-1440x900-ko.png", false)]
    [InlineData(390, 844, "en-US", "layout-390x844.png", false)]
    [InlineData(390, 844, "ko-KR", "layout-390x844-ko.png", false)]
    [InlineData(390, 844, "kk-KZ", "layout-390x844-kk.png", false)]
    [InlineData(390, 844, "mn-MN", "layout-390x844-mn.png", false)]
    [InlineData(390, 844, "ru-RU", "layout-390x844-ru.png", false)]
    // Signed in, the account button carries the user name and the role chip.
    [InlineData(1920, 1080, "en-US", "layout-1920x1080-signed-in.png", true)]
    [InlineData(1280, 800, "id-ID", "layout-1280x800-id-signed-in.png", true)]
    [InlineData(1280, 800, "ko-KR", "layout-1280x800-ko-signed-in.png", true)]
    [InlineData(1280, 800, "kk-KZ", "layout-1280x800-kk-signed-in.png", true)]
    [InlineData(1280, 800, "ru-RU", "layout-1280x800-ru-signed-in.png", true)]
    [InlineData(390, 844, "en-US", "layout-390x844-signed-in.png", true)]
    [InlineData(390, 844, "mn-MN", "layout-390x844-mn-signed-in.png", true)]
    public async Task The_header_is_one_row_of_controls_that_do_not_overlap(int width, int height, string locale, string screenshot, bool signedIn)
    {
        await using var session = await fixture.OpenAsync(locale, width, height, touch: width < 600);
        if (signedIn) await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        await session.WaitForAsync("() => document.querySelector('[data-testid=connection-status]').dataset.state === 'connected'");
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync(screenshot);

        var running = await HeaderAsync(session);
        AssertOneRow(running, width, "running");

        // Paused, the header is at its widest: the button reads "Resume" ("Жалғастыру", "Үргэлжлүүлэх")
        // and the clock carries the paused badge. The page is put in that state and measured in the
        // same task, before the next clock frame from the server sets it back.
        var paused = await HeaderAsync(session,
            $"async () => {{ const {{ store }} = await import('/js/core/store.js'); store.set('clock', {{ ...store.get('clock'), paused: true }}); return ({HeaderBoxes})(); }}");
        Assert.Equal("true", paused.Paused);
        AssertOneRow(paused, width, "paused");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task On_a_phone_the_map_keeps_most_of_the_screen_and_panels_open_as_sheets()
    {
        const int width = 390, height = 844;
        await using var session = await fixture.OpenAsync(width: width, height: height, touch: true);
        await session.WaitForAsync("() => window.cityTwin.twin.areaValues.gu.size >= 10");
        await session.WaitForRenderedAsync("gu-fill");
        await session.WaitForIdleAsync();

        var canvasHeight = await session.EvalAsync<double>("() => window.cityTwin.map.getCanvas().getBoundingClientRect().height");
        var share = canvasHeight / height;
        output.WriteLine($"map canvas {canvasHeight:F0} px of {height} px ({share:P0})");
        Assert.True(share >= 0.70, $"the map has only {share:P0} of the screen height");

        // Secondary controls are in the menu, which opens and closes.
        var language = session.Page.GetByTestId("lang-select");
        Assert.False(await language.IsVisibleAsync(), "the language picker should be folded into the menu on a phone");
        await session.Page.GetByTestId("menu-button").ClickAsync();
        Assert.True(await language.IsVisibleAsync(), "the menu does not show the language picker");
        Assert.True(await session.Page.GetByTestId("speed-select").IsVisibleAsync(), "the menu does not show the speed");
        await session.ScreenshotAsync("layout-390x844-menu.png");
        await session.Page.Keyboard.PressAsync("Escape");
        Assert.False(await language.IsVisibleAsync(), "Escape does not close the menu");

        // The legend starts folded on a phone and unfolds as a bottom sheet.
        var legend = session.Page.GetByTestId("legend");
        var folded = (await legend.BoundingBoxAsync())!;
        Assert.True(folded.Width < width / 2.0, $"the folded legend is {folded.Width:F0} px wide");
        await session.Page.Locator("#legend-toggle").ClickAsync();
        var legendBox = (await legend.BoundingBoxAsync())!;
        output.WriteLine($"legend sheet {legendBox.X:F0},{legendBox.Y:F0} {legendBox.Width:F0}×{legendBox.Height:F0}");
        Assert.InRange(legendBox.Width, width - 1, width + 1);
        Assert.InRange(legendBox.Y + legendBox.Height, height - 1, height + 1);
        Assert.True(legendBox.Height <= height * 0.55, $"the legend sheet covers {legendBox.Height / height:P0} of the screen");
        await session.ScreenshotAsync("layout-390x844-legend.png");
        await session.Page.Locator("#legend-toggle").ClickAsync();

        // A district opens the inspector as a bottom sheet: full width, on the bottom edge, map above.
        var hit = await session.FindRenderedAsync("gu-fill");
        Assert.NotNull(hit);
        await session.Page.Mouse.ClickAsync((float)hit!.X, (float)hit.Y);
        var inspector = session.Page.GetByTestId("inspector");
        await inspector.WaitForAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector]').dataset.loading === 'false'");
        var box = (await inspector.BoundingBoxAsync())!;
        output.WriteLine($"inspector sheet {box.X:F0},{box.Y:F0} {box.Width:F0}×{box.Height:F0}");
        Assert.InRange(box.X, -0.5, 0.5);
        Assert.InRange(box.Width, width - 1, width + 1);
        Assert.InRange(box.Y + box.Height, height - 1, height + 1);
        Assert.True(box.Height <= height * 0.6, $"the sheet covers {box.Height / height:P0} of the screen");
        await session.ScreenshotAsync("layout-390x844-inspector.png");

        // The planner opens as a sheet too, leaving the top of the map visible.
        await session.Page.GetByTestId("inspector-close").ClickAsync();
        await session.Page.GetByTestId("planner-button").ClickAsync();
        var planner = session.Page.GetByTestId("planner");
        await planner.WaitForAsync();
        var plannerBox = (await planner.BoundingBoxAsync())!;
        output.WriteLine($"planner sheet {plannerBox.X:F0},{plannerBox.Y:F0} {plannerBox.Width:F0}×{plannerBox.Height:F0}");
        Assert.InRange(plannerBox.Y + plannerBox.Height, height - 1, height + 1);
        Assert.True(plannerBox.Y >= height * 0.3, $"the planner sheet starts at {plannerBox.Y:F0} px and hides the map");
        // The map centres the city in the part above the sheet.
        await session.WaitForAsync("() => window.cityTwin.map.getPadding().bottom > 0 && !window.cityTwin.map.isMoving()");
        var padding = await session.EvalAsync<double>("() => window.cityTwin.map.getPadding().bottom");
        Assert.InRange(padding, plannerBox.Height - 2, plannerBox.Height + 2);
        await session.ScreenshotAsync("layout-390x844-planner.png");
        Assert.Empty(session.PageErrors);
    }

    /// <summary>
    /// Text in a panel that runs out of its box sideways (a word wider than its column, a label
    /// wider than its button), and the panel itself scrolling sideways or leaving the viewport.
    /// Only boxes holding text are measured: the legend's ticks centred on its edges and the
    /// planner's footer bleeding to the panel's edges stick out by design. Clipped boxes (overflow
    /// hidden, an ellipsis) and scroll areas are meant to hold more than they show.
    /// </summary>
    private const string Overflows =
        """
        (selector) => {
          const root = document.querySelector(selector);
          if (!root) return [`${selector} is missing`];
          const out = [];
          const r = root.getBoundingClientRect();
          if (r.left < -0.5 || r.right > innerWidth + 0.5) out.push(`${selector} sticks out of the viewport (${r.left.toFixed(0)}–${r.right.toFixed(0)})`);
          if (root.scrollWidth > root.clientWidth + 1) out.push(`${selector} scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
          for (const e of root.querySelectorAll('*')) {
            if (e.closest('svg, canvas, .uplot') || !e.getClientRects().length) continue;
            const text = [...e.childNodes].some(n => n.textContent.trim() !== ''
              && (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && getComputedStyle(n).display === 'inline')));
            if (!text) continue;
            const style = getComputedStyle(e);
            if (style.overflowX !== 'visible' || e.clientWidth === 0 || e.scrollWidth <= e.clientWidth + 1) continue;
            const name = e.dataset.testid || e.id || `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
            out.push(`${name}: ${e.scrollWidth} px of content in ${e.clientWidth} px: "${e.textContent.trim().slice(0, 60)}"`);
          }
          return out;
        }
        """;

    [Theory]
    [InlineData(1280, 800, "en-US")]
    [InlineData(1280, 800, "kk-KZ")]
    [InlineData(1280, 800, "ru-RU")]
    [InlineData(390, 844, "kk-KZ")]
    [InlineData(390, 844, "mn-MN")]
    [InlineData(390, 844, "ru-RU")]
    public async Task Panels_hold_their_text_in_every_language(int width, int height, string locale)
    {
        var phone = width < 600;
        var tag = $"{width}x{height}-{locale[..2]}";
        await using var session = await fixture.OpenAsync(locale, width, height, touch: phone);
        var page = session.Page;
        await session.WaitForAsync("() => window.cityTwin.twin.areaValues.gu.size >= 10");
        await session.WaitForRenderedAsync("gu-fill");
        await session.WaitForIdleAsync();
        var problems = new List<string>();
        async Task CheckAsync(string what, string selector)
        {
            var found = await page.EvaluateAsync<string[]>(Overflows, selector);
            foreach (var f in found) output.WriteLine($"{what}: {f}");
            problems.AddRange(found.Select(f => $"{what}: {f}"));
        }

        if (phone)
        {
            await page.GetByTestId("menu-button").ClickAsync();
            await CheckAsync("menu", "#header-menu");
            await session.ScreenshotAsync($"panels-{tag}-menu.png");
            await page.Keyboard.PressAsync("Escape");
            await page.Locator("#legend-toggle").ClickAsync();
        }
        await CheckAsync("legend", "#legend");
        await session.ScreenshotAsync($"panels-{tag}-legend.png");
        if (phone) await page.Locator("#legend-toggle").ClickAsync();

        var hit = await session.FindRenderedAsync("gu-fill");
        Assert.NotNull(hit);
        await page.Mouse.ClickAsync((float)hit!.X, (float)hit.Y);
        await page.GetByTestId("inspector").WaitForAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector]').dataset.loading === 'false'");
        await CheckAsync("inspector", "#inspector");
        await session.ScreenshotAsync($"panels-{tag}-inspector.png");
        await page.GetByTestId("inspector-close").ClickAsync();

        // The planner with an intervention card, the widest form it shows.
        await page.GetByTestId("planner-button").ClickAsync();
        await page.GetByTestId("planner").WaitForAsync();
        await session.WaitForAsync("() => window.cityTwin.planner.catalog === 'ready'");
        var type = await session.EvalAsync<string>("() => [...document.querySelectorAll('[data-testid=add-intervention] option')].map(o => o.value).find(Boolean)");
        await page.GetByTestId("add-intervention").SelectOptionAsync(type);
        await page.GetByTestId("add-intervention-button").ClickAsync();
        await page.GetByTestId("intervention-card").First.WaitForAsync();
        await CheckAsync("planner", "#planner");
        await session.ScreenshotAsync($"panels-{tag}-planner.png");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(session.PageErrors);
    }

    [Theory]
    [InlineData("kk-KZ")]
    [InlineData("ru-RU")]
    public async Task On_a_laptop_the_results_table_fits_the_planner_in_the_longer_languages(string locale)
    {
        // Column titles such as "Базовый вариант" wrap instead of pushing Δ % out of the panel.
        await using var session = await fixture.OpenAsync(locale, 1280, 800);
        // Running a scenario is a planner's change.
        await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        var page = session.Page;
        await page.GetByTestId("planner-button").ClickAsync();
        await session.WaitForAsync("() => window.cityTwin.planner.catalog === 'ready'");
        await page.GetByTestId("scenario-horizon").FillAsync("3");
        var type = await session.EvalAsync<string>(
            "() => { const v = [...document.querySelectorAll('[data-testid=add-intervention] option')].map(o => o.value).filter(Boolean); return v.find(x => x.includes('led')) ?? v[0]; }");
        await page.GetByTestId("add-intervention").SelectOptionAsync(type);
        await page.GetByTestId("add-intervention-button").ClickAsync();
        var kind = page.GetByTestId("intervention-card").First.GetByTestId("target-kind");
        var kinds = await kind.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        if (kinds.Contains("city") && await kind.IsEnabledAsync()) await kind.SelectOptionAsync("city");
        else if (!kinds.Contains("city"))
        {
            await kind.SelectOptionAsync("gu");
            await page.GetByTestId("intervention-card").First.GetByTestId("target-gu").First.CheckAsync();
        }
        await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");
        await page.GetByTestId("run-scenario").ClickAsync();
        await session.WaitForAsync("() => !!window.cityTwin.planner.lastRunId");
        var id = await session.EvalAsync<string>("() => window.cityTwin.planner.lastRunId");
        await page.WaitForFunctionAsync(
            "id => ['completed', 'failed', 'cancelled'].includes(document.querySelector(`[data-testid=scenario-run][data-run-id=\"${CSS.escape(id)}\"]`)?.dataset.status)",
            id, new() { Timeout = 90_000, PollingInterval = 100 });
        var row = page.Locator($"[data-testid=scenario-run][data-run-id=\"{id}\"]");
        Assert.Equal("completed", await row.GetAttributeAsync("data-status"));
        await row.GetByTestId("open-run").ClickAsync();
        await session.WaitForAsync("() => document.querySelectorAll('[data-testid=kpi-table] [data-testid=kpi-row]').length > 0");

        var widths = await session.EvalAsync<double[]>(
            "() => { const w = document.querySelector('[data-testid=kpi-table]').closest('.table-wrap'); return [w.scrollWidth, w.clientWidth]; }");
        output.WriteLine($"results table {widths[0]} px in {widths[1]} px");
        await session.ScreenshotAsync($"layout-1280x800-{locale[..2]}-results.png");
        Assert.True(widths[0] <= widths[1] + 1, $"the results table is {widths[0]} px wide in a {widths[1]} px panel: it scrolls sideways");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Charts_name_their_unit_on_the_axis()
    {
        await using var session = await fixture.OpenAsync();
        await session.WaitForAsync("() => window.cityTwin.twin.areaValues.gu.size >= 10");
        await session.WaitForRenderedAsync("gu-fill");
        var hit = await session.FindRenderedAsync("gu-fill");
        Assert.NotNull(hit);
        await session.Page.Mouse.ClickAsync((float)hit!.X, (float)hit.Y);
        // The inspector's sparkline of the area KPI (congestion, in v/c, by default) titles its y axis
        // with the unit; uPlot draws the title on the canvas, so the test reads the chart's axis.
        await session.WaitForAsync("() => window.cityTwin.inspector.chart?.plot");
        var title = await session.EvalAsync<string>("() => window.cityTwin.inspector.chart.plot.axes[1].label");
        var unit = await session.EvalAsync<string>("() => document.querySelector('#kpi-select').selectedOptions[0].textContent");
        output.WriteLine($"sparkline y axis: {title}; KPI: {unit}");
        Assert.Equal("v/c", title);
        await session.ScreenshotAsync("layout-inspector-chart.png");
        Assert.Empty(session.PageErrors);
    }

    private sealed record Box(string Id, string Group, double Left, double Top, double Right, double Bottom);

    private void AssertOneRow(Header header, int width, string state)
    {
        var (boxes, headerHeight) = (header.Boxes, header.Height);
        output.WriteLine($"{state}: header {headerHeight:F0} px, {boxes.Count} controls");
        foreach (var b in boxes) output.WriteLine($"  {b.Id}: {b.Left:F0},{b.Top:F0} – {b.Right:F0},{b.Bottom:F0}");

        Assert.True(boxes.Select(b => b.Group).Distinct().Count() >= 5, $"{state}: only {boxes.Count} header controls are visible");
        // One row: every control's vertical extent overlaps every other's (none sits below another).
        // The brand's two lines (product, city) count as one control here.
        var controls = boxes.GroupBy(b => b.Group).Select(g => (Top: g.Min(b => b.Top), Bottom: g.Max(b => b.Bottom))).ToList();
        var lowestTop = controls.Max(b => b.Top);
        var highestBottom = controls.Min(b => b.Bottom);
        Assert.True(lowestTop < highestBottom, $"{state}: the header wraps: a control starts at {lowestTop:F0} px, below another ending at {highestBottom:F0} px");
        Assert.True(headerHeight <= 64, $"{state}: the header is {headerHeight:F0} px high");
        foreach (var b in boxes)
        {
            Assert.True(b.Left >= 0 && b.Right <= width + 0.5, $"{state}: {b.Id} sticks out of the viewport ({b.Left:F0}–{b.Right:F0})");
            // A label that wraps inside its button ("일시 / 정지") makes the control two lines high.
            if (b.Group != "brand") Assert.True(b.Bottom - b.Top <= 40, $"{state}: {b.Id} is {b.Bottom - b.Top:F0} px high: its label wraps");
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, c) = (boxes[i], boxes[j]);
                if (a.Group == c.Group) continue;
                var overlap = a.Left < c.Right - 0.5 && c.Left < a.Right - 0.5 && a.Top < c.Bottom - 0.5 && c.Top < a.Bottom - 0.5;
                Assert.False(overlap, $"{state}: {a.Id} and {c.Id} overlap");
            }
        }
    }

    private sealed record Header(List<Box> Boxes, double Height, string? Paused);

    private static async Task<Header> HeaderAsync(MapSession session, string script = HeaderBoxes)
    {
        var json = await session.EvalAsync<JsonElement>(script);
        var boxes = json.GetProperty("boxes").EnumerateArray()
            .Select(e => new Box(e.GetProperty("id").GetString() ?? "", e.GetProperty("group").GetString() ?? "", e.GetProperty("left").GetDouble(), e.GetProperty("top").GetDouble(),
                e.GetProperty("right").GetDouble(), e.GetProperty("bottom").GetDouble()))
            .ToList();
        return new Header(boxes, json.GetProperty("height").GetDouble(), json.TryGetProperty("paused", out var p) ? p.GetString() : null);
    }
}
