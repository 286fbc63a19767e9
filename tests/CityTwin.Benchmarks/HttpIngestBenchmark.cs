using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Web.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// Readings per second through <c>POST /api/telemetry</c>: the real app on Kestrel (simulator
/// running), N senders over loopback HTTP/1.1 posting prepared batches of real assets with a feed
/// token. A reading counts once the grains took it (the 202's <c>accepted</c>). The per-token rate
/// limit is raised for the run: the figure is what the pipeline carries, not what the limit allows.
/// </summary>
public static class HttpIngestBenchmark
{
    public static async Task RunAsync(BenchmarkRun run)
    {
        var seconds = run.Args.Double("seconds", 20);
        var warmup = run.Args.Double("warmup", 4);
        var senders = run.Args.Int("senders", 4);
        var items = run.Args.Int("batch", 5000);

        await using var app = BenchApp.Create(new Dictionary<string, string> { ["Feeds:RequestsPerWindow"] = "1000000" });
        var baseUri = app.Start();
        await app.WaitUntilLiveAsync();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var metrics = app.Services.GetRequiredService<FeedMetrics>();
        var token = await app.CreateTokenForAsync(await app.CreateUserAsync(Roles.Admin), TokenScopes.Feed);
        var now = DateTimeOffset.UtcNow;
        var bodies = Enumerable.Range(0, 16).Select(i => FeedPayloads.Batch(catalog, i * items, items, now)).ToArray();
        run.Note($"{senders} senders, batches of {items} readings ({bodies[0].Length / 1024.0:0} KiB), {catalog.Assets.Count} assets round robin, simulator on");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        long accepted = 0, batches = 0, failed = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(warmup + seconds));
        var latencies = new List<double>();
        var measuring = false;

        async Task SendLoop(int sender)
        {
            var i = sender;
            while (!stop.IsCancellationRequested)
            {
                var body = new ByteArrayContent(bodies[i++ % bodies.Length]);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/telemetry", body, stop.Token);
                    var answer = await response.Content.ReadAsStreamAsync(stop.Token);
                    using var json = await JsonDocument.ParseAsync(answer, cancellationToken: stop.Token);
                    if ((int)response.StatusCode != 202) { Interlocked.Increment(ref failed); continue; }
                    if (!measuring) continue;
                    Interlocked.Add(ref accepted, json.RootElement.GetProperty("accepted").GetInt32());
                    Interlocked.Increment(ref batches);
                    lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        var loops = Enumerable.Range(0, senders).Select(SendLoop).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var stats = ProcessStats.Start();
        var ingested0 = metrics.AcceptedTotal;
        measuring = true;
        await Task.WhenAll(loops);
        var elapsed = stats.Elapsed.TotalSeconds;

        var rate = accepted / elapsed;
        run.Report("http_ingest_readings_per_s", rate, "readings/s");
        run.Report("http_ingest_batches_per_s", batches / elapsed, "batches/s");
        latencies.Sort();
        run.Report("http_ingest_batch_latency_p50", Percentiles.Of(latencies, 50), "ms");
        run.Report("http_ingest_batch_latency_p99", Percentiles.Of(latencies, 99), "ms");
        var cpu = stats.CpuPercentOfAllCores();
        run.Report("http_ingest_cpu_percent", cpu, $"% of {Environment.ProcessorCount} cores (app + senders)");
        // On a shared machine the process gets what the others leave: readings per second of CPU it
        // actually had (app and senders together) tell the cost apart from the contention.
        run.Report("http_ingest_readings_per_cpu_second", rate / (cpu / 100 * Environment.ProcessorCount), "readings/CPU-s");
        run.Note($"grains took {metrics.AcceptedTotal - ingested0} feed readings in the window; {failed} non-202 answers");
        run.Target("http ingest", rate, 200_000, higherIsBetter: true, "readings/s");
    }
}
