using System.Text.Json;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>One browser context and page on the CityTwin map, with helpers for its test hooks (window.cityTwin).</summary>
public sealed class MapSession(IBrowserContext context, IPage page, BrowserFixture fixture) : IAsyncDisposable
{
    public const float Timeout = 60_000;

    private readonly List<string> _pageErrors = [];

    public IPage Page { get; } = page;

    /// <summary>Uncaught script errors seen on the page (console noise is not counted).</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    public async Task GotoAsync(string path = "/")
    {
        Page.PageError += (_, e) => _pageErrors.Add(e);
        Page.SetDefaultTimeout(Timeout);
        await Page.GotoAsync(path);
        await WaitForAsync("() => window.cityTwin && window.cityTwin.ready === true");
    }

    /// <summary>
    /// Signs in through the page as a person would: the header's Sign in button, the dialog's user
    /// name and password (<see cref="CityTwin.Testing.TwinAccounts.Password"/> unless given), then
    /// waits until the header shows the account.
    /// </summary>
    public async Task SignInAsync(string userName, string password = CityTwin.Testing.TwinAccounts.Password)
    {
        var dialog = Page.GetByTestId("signin-dialog");
        if (!await dialog.IsVisibleAsync())
        {
            await Page.GetByTestId("account-button").ClickAsync();
            await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }
        await dialog.GetByTestId("signin-username").FillAsync(userName);
        await dialog.GetByTestId("signin-password").FillAsync(password);
        await dialog.GetByTestId("signin-submit").ClickAsync();
        await Page.WaitForFunctionAsync(
            "name => window.cityTwin.store.get('me')?.userName === name && document.querySelector('[data-testid=account-button]').dataset.signedIn === 'true'",
            userName, new PageWaitForFunctionOptions { Timeout = Timeout, PollingInterval = 100 });
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    /// <summary>Signs out through the account menu and waits until the header offers Sign in again.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByTestId("account-button").ClickAsync();
        await Page.GetByTestId("menu-sign-out").ClickAsync();
        await WaitForAsync("() => document.querySelector('[data-testid=account-button]').dataset.signedIn === 'false'");
    }

    /// <summary>
    /// Sends a change from the page with the session cookie and its anti-forgery token, as a script
    /// could without the page's buttons; returns the HTTP status.
    /// </summary>
    public Task<int> ForceAsync(string method, string url, string jsonBody) => Page.EvaluateAsync<int>(
        """
        async ([method, url, body]) => {
          const me = await (await fetch('/api/account/me')).json();
          const res = await fetch(url, { method, body, headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': me.antiforgeryToken ?? '' } });
          return res.status;
        }
        """, new[] { method, url, jsonBody });

    public Task WaitForAsync(string predicate) =>
        Page.WaitForFunctionAsync(predicate, null, new PageWaitForFunctionOptions { Timeout = Timeout, PollingInterval = 100 });

    public Task<T> EvalAsync<T>(string expression) => Page.EvaluateAsync<T>(expression);

    public async Task<long> StatAsync(string name) => await Page.EvaluateAsync<long>($"() => window.cityTwin.stats.{name}");

    /// <summary>Resolves once MapLibre has drawn everything it has (or after 20 s).</summary>
    public Task WaitForIdleAsync() => Page.EvaluateAsync(
        """
        () => new Promise(resolve => {
          const m = window.cityTwin.map;
          const done = () => resolve(true);
          setTimeout(done, 20000);
          if (m.loaded() && m.areTilesLoaded() && !m.isMoving()) done(); else m.once('idle', done);
        })
        """);

    public async Task JumpToAsync(double lon, double lat, double zoom)
    {
        var lonS = lon.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var latS = lat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var zS = zoom.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Page.EvaluateAsync($"() => {{ window.cityTwin.map.jumpTo({{ center: [{lonS}, {latS}], zoom: {zS} }}); }}");
        await WaitForIdleAsync();
    }

    /// <summary>Waits until at least one feature of any of the layers is drawn (big sources parse in a worker).</summary>
    public Task WaitForRenderedAsync(params string[] layers) =>
        Page.WaitForFunctionAsync(
            "layers => layers.some(l => window.cityTwin.map.getLayer(l) && window.cityTwin.map.queryRenderedFeatures({ layers: [l] }).length > 0)",
            layers, new PageWaitForFunctionOptions { Timeout = Timeout, PollingInterval = 250 });

    /// <summary>
    /// Finds a screen point where one of the layers draws a feature, away from the floating panels.
    /// Returns page coordinates and the feature's id or code, or null when nothing is drawn.
    /// </summary>
    public async Task<RenderedHit?> FindRenderedAsync(params string[] layers)
    {
        var json = await Page.EvaluateAsync<JsonElement?>(
            """
            (layers) => {
              const m = window.cityTwin.map;
              const rect = m.getContainer().getBoundingClientRect();
              const avoid = [...document.querySelectorAll('.panel:not([hidden]), .maplibregl-ctrl, .site-marker')]
                .map(e => e.getBoundingClientRect());
              // Alarm markers sit on top of areas and assets and take their clicks.
              const overlays = ['alarm-points', 'alarm-clusters'].filter(l => m.getLayer(l) && !layers.includes(l));
              const uncovered = (x, y) => overlays.length === 0 || m.queryRenderedFeatures([[x - 12, y - 12], [x + 12, y + 12]], { layers: overlays }).length === 0;
              const free = (x, y) => !avoid.some(r => x >= r.left - 8 && x <= r.right + 8 && y >= r.top - 8 && y <= r.bottom + 8)
                && uncovered(x - rect.left, y - rect.top);
              for (const layer of layers) {
                if (!m.getLayer(layer)) continue;
                // Points: project each drawn feature (a coarse grid would step over small circles).
                for (const f of m.queryRenderedFeatures({ layers: [layer] })) {
                  if (f.geometry.type !== 'Point') break;
                  const p = m.project(f.geometry.coordinates);
                  const px = rect.left + p.x, py = rect.top + p.y;
                  if (p.x < 40 || p.y < 40 || p.x > rect.width - 40 || p.y > rect.height - 40 || !free(px, py)) continue;
                  const hit = m.queryRenderedFeatures([p.x, p.y], { layers: [layer] })[0];
                  if (hit) return { x: px, y: py, id: String(hit.properties.id ?? hit.id), layer };
                }
                for (let y = 40; y < rect.height - 40; y += 12) {
                  for (let x = 40; x < rect.width - 40; x += 12) {
                    const px = rect.left + x, py = rect.top + y;
                    if (!free(px, py)) continue;
                    const f = m.queryRenderedFeatures([x, y], { layers: [layer] })[0];
                    if (f) return { x: px, y: py, id: String(f.properties.id ?? f.properties.code ?? f.id), layer };
                  }
                }
              }
              return null;
            }
            """, layers);
        if (json is not { ValueKind: JsonValueKind.Object } e) return null;
        return new RenderedHit(e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble(),
            e.GetProperty("id").GetString() ?? "", e.GetProperty("layer").GetString() ?? "");
    }

    public async Task<byte[]> ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath(name) });

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
    }
}
