namespace CityTwin.Benchmarks;

/// <summary>
/// Dispatches to one benchmark:
/// <c>dotnet run -c Release --project tests/CityTwin.Benchmarks --artifacts-path /tmp/art-bench -- NAME [--option value ...]</c>.
/// Each run prints the machine and its figures as <c>name=value unit</c> lines and appends them to results.md.
/// </summary>
public static class BenchmarkProgram
{
    private const string Usage = """
        usage: CityTwin.Benchmarks <benchmark> [--option value ...]

          ingest   telemetry updates/s into the grains, in-process silo, real Incheon catalog
                   --seconds 20  --warmup 3  --inflight 4  --instants 8  --factor 1 (synthetic plan scale; 109.744 ≈ 1M assets)
                   --alarm-seconds 10 (CPU per update with and without the alarm rules; 0 skips)
                   --alarm-pairs 2 (without/with phase pairs after the first with phase)
          latency  sensor -> SignalR client receipt, wall clock to wall clock: p50/p95/p99 and CPU per delivered update, per ingest rate
                   --rates 10000,50000  --seconds 20  --warmup 4  --clients 20  --protocol msgpack|json
                   --flush-ms N (overrides LiveFeed:FlushInterval, the shortest gap between flushes)
          scale    memory per asset, RSS and start-up time: default city and ~1,000,000 assets, fresh child processes
                   --target 1000000  --history-seconds 40
          fanout   frames, bytes and server CPU-s per million asset updates per client, JSON vs MessagePack,
                   simulator at its default tick, clients in a child process
                   --clients 20  --seconds 60  --warmup 4  --idle-seconds 60 (windows of whole steady-asset refreshes)
          scenario what-if engine: 24 h at 1-min steps and 7 days at 5-min steps over the whole city, districts in parallel
                   --repeats 3  --seed 20240624  --seeds 20  --seeds-step-minutes 15
                   (then a run over N seeds through an in-process silo's run queue, with costs and bands)
          isolation live tick, frame cadence and API latency, quiet and while N week-long scenarios are queued or running
                   --runs 20  --horizon-hours 168  --step-minutes 5  --quiet-seconds 20  --max-seconds 300
          http-ingest  readings/s through POST /api/telemetry with a feed token, loopback Kestrel
                   --seconds 20  --warmup 4  --senders 4  --batch 5000
          mqtt-ingest  readings/s through the embedded MQTT broker: single messages at QoS 0 and 1, gateway batches
                   --seconds 15  --warmup 3  --clients 4  --inflight 64  --batch 1000

          alarms   N threshold crossings in one tick -> every alarm and its flood group on a SignalR client
                   --crossings 5000  --repeats 1  --warmup 1000 (road segments crossing first)

          clients  N concurrent SignalR clients (raw WebSockets, a lean load generator) on a server child process:
                   memory per connection, latency of the zoomed-in ones, drops
                   --clients 10000  --seconds 60  --rate 20000  --settle 20  --idle 15  --warmup 10  --zoomed-in 0.2  --protocol msgpack|json
                   --connect-parallel 32  --sources 8 (loopback source addresses)
          scale-browser  Chromium (software WebGL) on the ~1,000,000-asset city, scripted pans and zooms:
                   animation-frame time p50/p95/p99, JS heap, browser memory
                   --target 1000000  --rounds 2  --move-ms 2500

          common:  --no-results (do not append to results.md)
        """;

    public static async Task<int> Main(string[] argv)
    {
        if (argv.Length == 0 || argv[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return argv.Length == 0 ? 2 : 0;
        }
        var args = BenchArgs.Parse(argv.Skip(1));
        var name = argv[0];

        // Internal entry points: the scale benchmark re-invokes this program for a clean process per size.
        switch (name)
        {
            case ScaleChild.Command: return await ScaleChild.RunAsync(args);
            case WebStartChild.Command: return await WebStartChild.RunAsync(args);
            case ClientsServerChild.Command: return await ClientsServerChild.RunAsync(args);
            case FanoutClients.Command: return await FanoutClients.RunAsync(args);
        }

        Func<BenchmarkRun, Task>? benchmark = name switch
        {
            "ingest" => IngestBenchmark.RunAsync,
            "latency" => LatencyBenchmark.RunAsync,
            "scale" => ScaleBenchmark.RunAsync,
            "fanout" => FanoutBenchmark.RunAsync,
            "scenario" => ScenarioBenchmark.RunAsync,
            "isolation" => IsolationBenchmark.RunAsync,
            "alarms" => AlarmStormBenchmark.RunAsync,
            "http-ingest" => HttpIngestBenchmark.RunAsync,
            "mqtt-ingest" => MqttIngestBenchmark.RunAsync,
            "clients" => ClientsBenchmark.RunAsync,
            "scale-browser" => ScaleBrowserBenchmark.RunAsync,
            _ => null,
        };
        if (benchmark is null)
        {
            Console.Error.WriteLine($"unknown benchmark '{name}'");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var machine = MachineInfo.Current();
        var run = new BenchmarkRun(name, args, machine);
        Console.WriteLine($"# {name} on {machine.Describe()}");
        Console.WriteLine($"# load average at start: {MachineInfo.LoadAverage()}");
        try
        {
            await benchmark(run);
        }
        catch (Exception ex)
        {
            run.Note($"FAILED: {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine(ex);
            if (!args.Flag("no-results")) ResultsFile.Append(run);
            return 1;
        }
        Console.WriteLine($"# load average at end: {MachineInfo.LoadAverage()}");
        if (!args.Flag("no-results"))
        {
            var path = ResultsFile.Append(run);
            Console.WriteLine($"# appended to {path}");
        }
        return 0;
    }
}
