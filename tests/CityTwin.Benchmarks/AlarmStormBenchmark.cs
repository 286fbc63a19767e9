using System.Collections.Concurrent;
using System.Diagnostics;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// An alarm storm: N assets (streetlight circuits, then traffic detectors) cross their default
/// alarm thresholds in one tick, one batch per dong, all dongs at once, into the real web app with
/// its embedded silo. Measures from the moment the tick is sent until a SignalR client (MessagePack,
/// real WebSocket) has received every resulting alarm and the flood groups that hold them.
/// </summary>
public static class AlarmStormBenchmark
{
    public const double TargetMs = 1000;

    public static async Task RunAsync(BenchmarkRun run)
    {
        var crossings = run.Args.Int("crossings", 5000);
        // Later storms in one process are repeats of alarms not yet closed (their count rises; only new alarms are grouped).
        var repeats = run.Args.Int("repeats", 1);
        await using var app = BenchApp.Create(new Dictionary<string, string> { ["Simulation:Enabled"] = "false" });
        var baseUri = app.Start();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var factory = app.Services.GetRequiredService<IGrainFactory>();

        var chosen = catalog.Assets.Where(a => a.Kind == AssetKind.StreetlightCircuit)
            .Concat(catalog.Assets.Where(a => a.Kind == AssetKind.TrafficDetector)).Take(crossings).ToList();
        var chosenIds = chosen.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var byDong = chosen.GroupBy(a => a.DongCode).ToDictionary(g => g.Key, g => g.ToList());
        run.Note($"{chosen.Count} crossings in {byDong.Count} dongs (streetlight lamps_out ≥ 5, traffic v/c ≥ 1.0)");

        // The rule book is made on first use; every silo's cache reads it within 2 s.
        await factory.GetGrain<CityTwin.Abstractions.Alarms.IAlarmRulesGrain>(CityTwin.Abstractions.Alarms.IAlarmRulesGrain.Key).GetAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var received = new ConcurrentDictionary<string, (bool Active, bool Group, string? Parent)>(StringComparer.Ordinal);
        long firstFrameTicks = 0;
        // Alarms the flood groups of dongs stand for, after each frame: when the operator's list is complete.
        var groupChildren = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var coverage = new ConcurrentQueue<(long Ticks, int Covered)>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "hubs/twin"), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddMessagePackProtocol()
            .Build();
        connection.On<object?>("alarms", body =>
        {
            Interlocked.CompareExchange(ref firstFrameTicks, Stopwatch.GetTimestamp(), 0);
            if (body is not object[] items) return;
            foreach (var item in items.OfType<Dictionary<object, object>>())
            {
                var id = (string)item["id"];
                var state = (string)item["state"];
                received[id] = (state is "activeUnacknowledged" or "activeAcknowledged", item["isGroup"] is true, item["parentId"] as string);
                if (item["sourceId"] is string source && chosenIds.Contains(source)) received[$"source:{source}"] = (state is "activeUnacknowledged" or "activeAcknowledged", false, null);
                if (item["isGroup"] is true && item["sourceKind"] as string == "dong")
                    groupChildren[id] = state is "activeUnacknowledged" or "activeAcknowledged" ? Convert.ToInt32(item["children"], System.Globalization.CultureInfo.InvariantCulture) : 0;
            }
            coverage.Enqueue((Stopwatch.GetTimestamp(), groupChildren.Values.Sum()));
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", new { bbox = new[] { 126.0, 37.0, 127.0, 38.0 }, zoom = 10 });
        // An operator with the alarm list open (every severity and service) over the whole city.
        await connection.InvokeAsync<object?>("WatchAlarms", new { bbox = new[] { 126.0, 37.0, 127.0, 38.0 }, list = true });

        var at = DateTimeOffset.UtcNow;
        // A smaller storm on other assets first (road segments): activates the alarm books, fills
        // the JIT and the store's connections, as in a control room that has been running a while.
        var warmup = catalog.Assets.Where(a => a.Kind == AssetKind.RoadSegment).Take(run.Args.Int("warmup", 1000)).GroupBy(a => a.DongCode).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var crossing in new[] { false, true, false })
        {
            at = at.AddMinutes(1);
            await SendAsync(factory, warmup, at, crossing);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        var allMs = new List<double>();
        var groupsMs = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            // Normal values first, so every crossing below is a raise.
            at = at.AddMinutes(1);
            await SendAsync(factory, byDong, at, crossing: false);
            await Wait.ForAsync(() => Task.FromResult(chosen.Count(a => received.TryGetValue($"source:{a.Id}", out var s) && s.Active)), n => n == 0,
                TimeSpan.FromSeconds(60), "every chosen asset back to normal", TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromSeconds(2));
            received.Clear();
            groupChildren.Clear();
            coverage.Clear();
            Interlocked.Exchange(ref firstFrameTicks, 0);

            at = at.AddMinutes(1);
            var start = Stopwatch.GetTimestamp();
            await SendAsync(factory, byDong, at, crossing: true);
            var ingestMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            long doneTicks = 0;
            while (Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(30))
            {
                if (chosen.All(a => received.TryGetValue($"source:{a.Id}", out var s) && s.Active))
                {
                    doneTicks = Stopwatch.GetTimestamp();
                    break;
                }
                await Task.Delay(5);
            }
            var groups = received.Values.Count(v => v.Group && v.Active);
            var topLevel = received.Where(kv => !kv.Key.StartsWith("source:", StringComparison.Ordinal) && kv.Value.Active && kv.Value.Parent is null).Count();
            var first = firstFrameTicks == 0 ? double.NaN : Stopwatch.GetElapsedTime(start, firstFrameTicks).TotalMilliseconds;
            var all = doneTicks == 0 ? double.NaN : Stopwatch.GetElapsedTime(start, doneTicks).TotalMilliseconds;
            allMs.Add(all);
            // The list is complete once the groups' children add up to what they finally hold.
            var finalCovered = coverage.IsEmpty ? 0 : coverage.Max(c => c.Covered);
            var listTicks = coverage.FirstOrDefault(c => c.Covered == finalCovered && c.Ticks > start).Ticks;
            var listMs = listTicks == 0 ? double.NaN : Stopwatch.GetElapsedTime(start, listTicks).TotalMilliseconds;
            groupsMs.Add(listMs);
            run.Note($"storm {r + 1}: the flood groups complete on the client after {listMs:0} ms");
            run.Note($"storm {r + 1}: ingest {ingestMs:0} ms, first alarm frame {first:0} ms, all {chosen.Count} alarms on the client {all:0} ms; {groups} flood groups, {topLevel} top-level alarms on the operator's list");
            if (r == repeats - 1)
            {
                run.Report("alarm_storm_crossings", chosen.Count, "threshold crossings in one tick");
                run.Report("alarm_storm_ingest_ms", ingestMs, "ms (155 dong batches, evaluation and alarm books included)");
                run.Report("alarm_storm_first_frame_ms", first, "ms");
                run.Report("alarm_storm_groups", groups, "flood groups");
                run.Report("alarm_storm_top_level", topLevel, "top-level alarms");
            }
        }
        run.Report("alarm_storm_groups_on_client_ms_max", groupsMs.Max(), "ms (the operator's list complete)");
        var worst = allMs.Max();
        run.Report("alarm_storm_all_on_client_ms_median", allMs.Order().ElementAt(allMs.Count / 2), "ms");
        run.Report("alarm_storm_all_on_client_ms_max", worst, "ms");
        run.Target($"{chosen.Count} crossings grouped and on a SignalR client", worst, TargetMs, higherIsBetter: false, "ms");
        await connection.StopAsync();
    }

    private static Task SendAsync(IGrainFactory factory, Dictionary<string, List<AssetDescriptor>> byDong, DateTimeOffset at, bool crossing) =>
        Task.WhenAll(byDong.Select(d => factory.GetGrain<INeighbourhoodGrain>(d.Key).IngestAsync(new TelemetryBatch(at,
            [.. d.Value.Select(a => new AssetReading(a.Id, a.Kind == AssetKind.StreetlightCircuit
                ? [2.0, 100, crossing ? 6 : 0]
                : [500, 50, crossing ? 1.2 : 0.5]))]))));
}
