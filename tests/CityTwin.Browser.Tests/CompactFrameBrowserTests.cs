using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The map over MessagePack receives asset changes as compact binary frames: it fetches the asset
/// directory, decodes each frame, and the colours and values it shows are the server's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CompactFrameBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Compact_frames_drive_the_live_asset_colours_and_values()
    {
        await using var session = await fixture.OpenAsync();
        await session.EvalAsync<bool>("() => { window.cityTwin.live.on('assetsCompact', b => { window.lastCompactFrame = b; }); return true; }");
        await session.JumpToAsync(126.64, 37.39, 15);
        await session.WaitForAsync("() => window.cityTwin.live.compactFrames > 1 && window.cityTwin.stats.assetUpdates > 0");
        Assert.True(await session.EvalAsync<int>("() => window.cityTwin.live.compact.directory.ids.length") > 20_000);

        // A frame's values, decoded in the page, are the server's (a tick may move them on between
        // the frame and the REST answer: then a later frame matches).
        var matched = await session.Page.WaitForFunctionAsync(
            """
            async () => {
              const live = window.cityTwin.live;
              const items = await live.compact.decode(window.lastCompactFrame);
              const road = items.find(i => i.id.startsWith('road-') && Object.keys(i.values).length === 3);
              if (!road) return null;
              const rest = await (await fetch(`/api/assets/${encodeURIComponent(road.id)}`)).json();
              const same = Object.entries(road.values).every(([k, v]) => Math.abs(rest.telemetry[k] - v) <= 1e-4 * Math.max(1, Math.abs(v)));
              return same && rest.status === road.status ? road.id : null;
            }
            """, null, new() { Timeout = MapSession.Timeout, PollingInterval = 500 });
        output.WriteLine($"decoded values match the server for {await matched.JsonValueAsync<string>()}");

        // The colours on the map follow the decoded statuses.
        await session.WaitForRenderedAsync("roads-line", "assets-circle");
        var hit = await session.FindRenderedAsync("roads-line", "assets-circle");
        Assert.NotNull(hit);
        var source = hit.Layer.StartsWith("roads", StringComparison.Ordinal) ? "roads" : "assets";
        await session.Page.WaitForFunctionAsync(
            """
            async ([id, source]) => {
              const rest = await (await fetch(`/api/assets/${encodeURIComponent(id)}`)).json();
              const state = window.cityTwin.map.getFeatureState({ source, sourceLayer: source, id });
              return state.status === rest.status;
            }
            """, new[] { hit.Id, source }, new() { Timeout = MapSession.Timeout, PollingInterval = 500 });
        Assert.Empty(session.PageErrors);
    }
}
