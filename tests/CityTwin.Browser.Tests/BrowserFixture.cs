using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>Hosts the app and launches Debian's Chromium (software WebGL) once per test collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Software WebGL through SwiftShader; never --disable-gpu (MapLibre would fall far behind).
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-accelerated-2d-canvas", "--disable-background-networking", "--disable-component-update", "--no-first-run",
    ];

    private readonly TwinAppFactory _factory = TwinAppFactory.Create(new TwinAppOptions { Kestrel = true });
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The app under test: make accounts on it with <c>CreateUserAsync</c> (TwinAccounts).</summary>
    public TwinAppFactory App => _factory;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        BaseAddress = _factory.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CITYTWIN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A fresh browser context (own storage and cookies: nobody signed in) of the given size with the
    /// page opened at <paramref name="path"/> and the map ready.
    /// </summary>
    public async Task<MapSession> OpenAsync(string locale = "en-US", int width = 1440, int height = 900, bool touch = false, string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // A phone: touch events and a mobile viewport, as a field-visit participant has.
            HasTouch = touch,
            IsMobile = touch,
            Locale = locale,
            BaseURL = BaseAddress.ToString(),
        });
        var session = new MapSession(context, await context.NewPageAsync(), this);
        await session.GotoAsync(path);
        return session;
    }

    public string ScreenshotPath(string name) => Path.Combine(ScreenshotDirectory, name);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
