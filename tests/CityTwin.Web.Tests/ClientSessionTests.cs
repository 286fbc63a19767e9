using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Live;
using CityTwin.Web.Live;

namespace CityTwin.Web.Tests;

/// <summary>Guards of the fan-out mechanism: what a slow client accumulates stays bounded and viewport-filtered.</summary>
public sealed class ClientSessionTests
{
    // Area numbers as an AreaIndex would give them.
    private const int Gu = 1, Dong = 20, OtherDong = 130;

    private static AssetDelta[] Deltas(int count, long ts) =>
        [.. Enumerable.Range(0, count).Select(i => new AssetDelta(i, AssetStatus.Ok, [i, ts], ts))];

    [Fact]
    public void A_client_that_never_drains_keeps_one_pending_entry_per_visible_asset()
    {
        var session = new ClientSession("slow");
        session.SetViewport(new Viewport(0, 0, 1, 1, 15), []);
        // 1,000 flushes of 5,000 changes each, of which only even indexes are "in view".
        for (var flush = 0; flush < 1000; flush++)
            session.AddAssets(Deltas(5000, flush), i => i % 2 == 0);
        Assert.Equal(2500, session.PendingAssets);
        var (assets, _, _) = session.Take();
        Assert.All(assets, i => Assert.Equal(0, i % 2));
        Assert.Equal(0, session.PendingAssets);
    }

    [Fact]
    public void A_zoomed_out_client_accumulates_no_assets_only_areas()
    {
        var session = new ClientSession("overview");
        session.SetViewport(new Viewport(124, 37, 127, 38, Viewport.AssetZoom - 1), []);
        session.AddAssets(Deltas(1000, 1), _ => true);
        session.AddAreas(AreaSet.Of(1, 1, 0), clock: true);
        var (assets, areas, clock) = session.Take();
        Assert.Empty(assets);
        Assert.Equal([0, 1], areas.Indexes());
        Assert.True(clock);
    }

    [Fact]
    public void Areas_leave_at_most_once_per_interval_while_assets_and_the_clock_always_may()
    {
        var session = new ClientSession("paced");
        session.SetViewport(new Viewport(0, 0, 1, 1, 15), []);
        var interval = (long)AreaPacing.Interval.TotalMilliseconds;
        const long t0 = 1_000_000;

        session.AddAreas(AreaSet.Of(Dong), clock: false);
        var first = session.TakeDue(t0);
        Assert.Equal(1, first.Areas.Count); // nothing sent before: due at once
        Assert.False(session.HasDue(t0));

        // Within the interval: the areas wait (latest KPIs are read when they leave), assets and the clock do not.
        session.AddAreas(AreaSet.Of(OtherDong, Gu), clock: true);
        session.AddAssets(Deltas(3, 1), _ => true);
        Assert.True(session.HasDue(t0 + 1));
        var second = session.TakeDue(t0 + 1);
        Assert.True(second.Areas.IsEmpty);
        Assert.Equal(3, second.Assets.Count);
        Assert.True(second.Clock);
        Assert.False(session.HasDue(t0 + interval - 1));
        Assert.Equal(interval - 1, session.AreasWaitMs(t0 + 1));
        Assert.True(session.HasPending);

        // Once the interval has passed, they leave together.
        Assert.True(session.HasDue(t0 + interval));
        var third = session.TakeDue(t0 + interval);
        Assert.Equal(2, third.Areas.Count);
        Assert.False(session.HasPending);
        Assert.Equal(0, session.AreasWaitMs(t0 + interval));
    }

    [Fact]
    public void A_compact_frame_is_due_at_once_even_while_the_areas_wait()
    {
        var session = new ClientSession("compact", compact: true);
        session.SetViewport(new Viewport(0, 0, 1, 1, 15), []);
        const long t0 = 1_000_000;
        session.AddAreas(AreaSet.Of(Dong), clock: false);
        session.TakeDue(t0);
        session.Compact!.Take(); // the snapshot a new viewport asks for
        Assert.False(session.HasDue(t0 + 1));

        // Areas wait for their interval; a compact asset frame does not wait with them.
        session.AddAreas(AreaSet.Of(OtherDong), clock: false);
        session.Compact.Add([1, 2, 3]);
        Assert.True(session.HasDue(t0 + 1));
        Assert.Single(session.Compact.Take().Frames);
        Assert.False(session.HasDue(t0 + 1));
    }

    [Fact]
    public void Only_areas_in_view_become_pending_and_each_once()
    {
        var session = new ClientSession("view");
        session.SetViewport(new Viewport(124, 37, 127, 38, Viewport.AssetZoom - 1), [], inView: AreaSet.Of(0, Gu, OtherDong));
        for (var flush = 0; flush < 100; flush++) session.AddAreas(AreaSet.Of(0, Gu, Dong, OtherDong, 150), clock: false);
        Assert.Equal([0, Gu, OtherDong], session.Take().Areas.Indexes());

        // Until a client says where it looks, it receives every area.
        var fresh = new ClientSession("fresh");
        fresh.AddAreas(AreaSet.Of(Dong, 150), clock: false);
        Assert.Equal([Dong, 150], fresh.Take().Areas.Indexes());
    }

    [Fact]
    public void A_new_client_waits_one_interval_for_its_view_and_then_gets_only_what_it_shows()
    {
        var session = new ClientSession("new", compact: true);
        const long t0 = 1_000_000;
        var interval = (long)AreaPacing.Interval.TotalMilliseconds;
        session.DelayAreas(t0);
        session.AddAreas(AreaSet.Of(0, Gu, Dong, OtherDong), clock: false);
        Assert.False(session.HasDue(t0 + 1));
        Assert.Equal(interval, session.AreasWaitMs(t0));

        // The viewport arrives: areas pending from before that it does not show are dropped.
        session.SetViewport(new Viewport(126.6, 37.3, 126.7, 37.4, 16), [], inView: AreaSet.Of(0, Dong));
        session.Compact!.Take();
        Assert.False(session.HasDue(t0 + interval - 1));
        var due = session.TakeDue(t0 + interval);
        Assert.Equal([0, Dong], due.Areas.Indexes());
    }

    [Fact]
    public void An_area_set_counts_and_lists_its_members_across_words()
    {
        var set = AreaSet.Of(0, 63, 64, 200, 64);
        Assert.Equal(4, set.Count);
        Assert.Equal([0, 63, 64, 200], set.Indexes());
        Assert.True(set.Contains(200));
        Assert.False(set.Contains(201));
        Assert.False(set.IsEmpty);
        Assert.True(new AreaSet(500).IsEmpty);
        var masked = new AreaSet();
        masked.UnionWith(set, AreaSet.Of(64, 200, 300));
        Assert.Equal([64, 200], masked.Indexes());
    }

    [Fact]
    public void Only_one_send_is_in_flight_per_client()
    {
        var session = new ClientSession("c");
        Assert.True(session.TryBeginSend());
        Assert.False(session.TryBeginSend());
        session.EndSend();
        Assert.True(session.TryBeginSend());
    }
}
