using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Grains.History;
using Xunit.Abstractions;

namespace CityTwin.Grains.Tests;

/// <summary>
/// What the history of the whole city costs in memory with the default sizes (a day at 1 minute,
/// a week at 15 minutes): computed from the ring sizes, measured on the heap, and printed.
/// </summary>
public sealed class HistoryMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void The_city_history_takes_what_its_ring_sizes_say_and_is_printed()
    {
        var catalog = TestCatalog.Incheon;
        var options = new HistoryOptions();
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        // Bytes allocated by this thread: other tests running in parallel do not count.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var histories = new List<AssetHistory>();
        var areas = new List<AreaHistory>();
        long computed = 0, channels = 0;
        foreach (var dong in catalog.Dongs)
        {
            var kinds = catalog.AssetsInDong(dong.Code).Select(a => AssetKinds.Of(a.Kind)).ToArray();
            channels += kinds.Sum(k => k.Channels.Count);
            var h = new AssetHistory(kinds, options.AssetMinutes, options.AssetQuarters);
            // One row per minute over 15 minutes and then one more: allocates both rings.
            var status = new AssetStatus[kinds.Length];
            var values = kinds.Select(k => new double[k.Channels.Count]).ToArray();
            for (var m = 0; m <= 15; m++) h.Record(at.AddMinutes(m), status, values);
            histories.Add(h);
            computed += h.Bytes;
        }
        long areaBytes = 0;
        foreach (var _ in catalog.Dongs.Select(d => d.Code).Concat(catalog.Districts.Select(d => d.Code)).Append(catalog.Id))
        {
            var a = new AreaHistory(options.AreaMinutes, options.AreaQuarters);
            for (var m = 0; m <= 15; m++) a.Record(at.AddMinutes(m), KpiSet.Empty);
            areas.Add(a);
            areaBytes += a.Bytes;
        }
        var measured = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(histories);
        GC.KeepAlive(areas);

        const double MiB = 1024 * 1024;
        output.WriteLine($"History memory, {catalog.Assets.Count:N0} assets ({channels:N0} channels) in {catalog.Dongs.Count} dongs, {catalog.Districts.Count} districts:");
        output.WriteLine($"  assets: {computed / MiB:0.0} MiB computed ({(double)computed / channels:0} bytes per channel: {options.AssetMinutes} minutes + {options.AssetQuarters} quarters × min/mean/max at half precision)");
        output.WriteLine($"  areas:  {areaBytes / MiB:0.0} MiB computed ({areas.Count} areas)");
        output.WriteLine($"  measured (allocated while building and filling them): {measured / MiB:0.0} MiB");
        Assert.Equal(catalog.Assets.Sum(a => AssetKinds.Of(a.Kind).Channels.Count), channels);
        // What was allocated is what the rings say, give or take the small objects around them.
        Assert.InRange(measured, (computed + areaBytes) * 0.95, (computed + areaBytes) * 1.1);
    }
}
