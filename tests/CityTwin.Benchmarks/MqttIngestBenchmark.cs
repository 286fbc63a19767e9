using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Web.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Benchmarks;

/// <summary>
/// Readings per second through MQTT: the real app on Kestrel with its embedded broker (simulator
/// running) and real MQTTnet clients over loopback TCP signed in with a feed token. Three phases:
/// single-reading messages at QoS 0, the same at QoS 1 (each publish waits for its PUBACK), and
/// gateway batches at QoS 1. A reading counts once the grains took it (the feed's own counter), so
/// the figure is end to end, buffer and per-dong batching included.
/// </summary>
public static class MqttIngestBenchmark
{
    public static async Task RunAsync(BenchmarkRun run)
    {
        var seconds = run.Args.Double("seconds", 15);
        var warmup = run.Args.Double("warmup", 3);
        var clients = run.Args.Int("clients", 4);
        var inflight = run.Args.Int("inflight", 64);
        var batchItems = run.Args.Int("batch", 1000);

        await using var app = BenchApp.Create();
        app.Start();
        await app.WaitUntilLiveAsync();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var metrics = app.Services.GetRequiredService<FeedMetrics>();
        var port = app.Services.GetRequiredService<IOptions<FeedOptions>>().Value.Mqtt.Port;
        var token = await app.CreateTokenForAsync(await app.CreateUserAsync(Roles.Admin), TokenScopes.Feed);
        var now = DateTimeOffset.UtcNow;
        MqttApplicationMessage[] Singles(MqttQualityOfServiceLevel qos) => [.. catalog.Assets.Select((a, i) => new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.AssetOf(catalog.Id, AssetKinds.Of(a.Kind).WireName, a.Id))
            .WithPayload(FeedPayloads.Single(a, i, now)).WithQualityOfServiceLevel(qos).Build())];
        var singles0 = Singles(MqttQualityOfServiceLevel.AtMostOnce);
        var singles1 = Singles(MqttQualityOfServiceLevel.AtLeastOnce);
        var batches = Enumerable.Range(0, 16).Select(i => new MqttApplicationMessageBuilder().WithTopic(MqttTopics.GatewayOf(catalog.Id))
            .WithPayload(FeedPayloads.Batch(catalog, i * batchItems, batchItems, now)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).ToArray();
        run.Note($"{clients} MQTT clients, {catalog.Assets.Count} assets round robin, QoS 1 with {inflight} publishes in flight per client, gateway batches of {batchItems} readings ({batches[0].Payload.Length / 1024.0:0} KiB); simulator on");

        var connections = new List<IMqttClient>();
        for (var c = 0; c < clients; c++)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"bench-{c}").WithCredentials("bench", token).WithTimeout(TimeSpan.FromSeconds(60)).Build());
            connections.Add(client);
        }

        var single0 = await PhaseAsync(run, metrics, connections, 1, warmup, seconds, "mqtt_single_qos0", (client, k, i) =>
            client.PublishAsync(singles0[i % singles0.Length]));
        var single1 = await PhaseAsync(run, metrics, connections, inflight, warmup, seconds, "mqtt_single_qos1", (client, k, i) =>
            client.PublishAsync(singles1[i % singles1.Length]));
        var gateway = await PhaseAsync(run, metrics, connections, 4, warmup, seconds, "mqtt_gateway_qos1", (client, k, i) =>
            client.PublishAsync(batches[i % batches.Length]));

        foreach (var client in connections)
        {
            await client.DisconnectAsync();
            client.Dispose();
        }
        run.Note($"malformed {metrics.MalformedTotal}, dropped (buffer full) {metrics.DroppedTotal}");
        run.Target("mqtt single-reading messages (QoS 0)", single0, 50_000, higherIsBetter: true, "messages/s");
        run.Target("mqtt single-reading messages (QoS 1)", single1, 50_000, higherIsBetter: true, "messages/s");
        run.Target("mqtt gateway batches", gateway, 500_000, higherIsBetter: true, "readings/s");
    }

    /// <summary>Runs one phase; returns readings the grains took per second in its measured window.</summary>
    private static async Task<double> PhaseAsync(BenchmarkRun run, FeedMetrics metrics, List<IMqttClient> connections, int inflight,
        double warmup, double seconds, string name, Func<IMqttClient, int, int, Task> publish)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(warmup + seconds));
        long published = 0;
        var offset = 0;
        async Task Loop(IMqttClient client, int k)
        {
            var i = Interlocked.Add(ref offset, 7919);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await publish(client, k, i++);
                    Interlocked.Increment(ref published);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        var loops = connections.SelectMany((c, k) => Enumerable.Range(0, inflight).Select(_ => Loop(c, k))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var stats = ProcessStats.Start();
        var taken0 = metrics.AcceptedTotal;
        var published0 = Interlocked.Read(ref published);
        await Task.WhenAll(loops);
        var elapsed = stats.Elapsed.TotalSeconds;
        var taken = metrics.AcceptedTotal - taken0;
        var sent = Interlocked.Read(ref published) - published0;
        var rate = taken / elapsed;
        run.Report($"{name}_readings_per_s", rate, "readings/s (taken by the grains)");
        run.Report($"{name}_messages_per_s", sent / elapsed, "messages/s (published)");
        var cpu = stats.CpuPercentOfAllCores();
        run.Report($"{name}_cpu_percent", cpu, $"% of {Environment.ProcessorCount} cores (app + clients)");
        run.Report($"{name}_readings_per_cpu_second", rate / (cpu / 100 * Environment.ProcessorCount), "readings/CPU-s (app + clients)");
        // Let the broker and the buffer drain before the next phase.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return rate;
    }
}
