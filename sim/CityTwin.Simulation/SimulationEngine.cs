using System.Diagnostics;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Simulation;

/// <summary>
/// One tick of the live simulator: compute the city's conditions at the simulated instant, generate
/// every asset's values and send them as one batch per dong, all dongs in parallel. A failing dong
/// is logged and counted; it never stops the others or the next tick.
/// </summary>
public sealed class SimulationEngine(
    IGrainFactory grains,
    TelemetryGenerator generator,
    SimulatorStatus status,
    SimulatedAssets simulated,
    CityTwin.Model.City.CityCatalog catalog,
    IOptions<SimulationOptions> options,
    ILogger<SimulationEngine> logger)
{
    /// <param name="timeline">The city clock's timeline, stamped on every batch (0: unstamped).</param>
    /// <param name="wallTime">The wall-clock instant the readings are made, stamped on every batch beside the simulated time (null: unstamped).</param>
    public async Task<TickResult> TickAsync(DateTimeOffset simTime, CancellationToken cancellationToken = default, int timeline = 0, DateTimeOffset? wallTime = null)
    {
        var watch = Stopwatch.StartNew();
        await RefreshSourcesAsync();
        var conditions = generator.ConditionsAt(simTime);
        var sends = new List<Task<(int Readings, int Rejected, bool Failed)>>(generator.DongCodes.Count);
        // Dongs are generated on every core, and each batch is sent as soon as it is ready.
        generator.GenerateInParallel(conditions, PartitionedGeneration.DefaultPartitions, (dong, batch) =>
        {
            var filtered = simulated.Filter(batch);
            var send = SendAsync(dong, filtered with { Timeline = timeline == 0 ? filtered.Timeline : timeline, WallTime = wallTime });
            lock (sends) sends.Add(send);
        });
        var results = await Task.WhenAll(sends).WaitAsync(cancellationToken);

        int readings = 0, rejected = 0, failed = 0;
        foreach (var r in results)
        {
            readings += r.Readings;
            rejected += r.Rejected;
            if (r.Failed) failed++;
        }
        status.RecordTick(simTime, readings, rejected, failed, watch.Elapsed);
        return new TickResult(simTime, results.Length, readings, rejected, failed, watch.Elapsed);
    }

    /// <summary>Which assets real feeds drive; on failure the list held stays in force.</summary>
    private async Task RefreshSourcesAsync()
    {
        try
        {
            simulated.Use(await grains.GetGrain<ISimulationSourcesGrain>(catalog.Id).GetAsync().WaitAsync(options.Value.BatchTimeout));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the simulation sources; keeping the list held");
        }
    }

    private async Task<(int, int, bool)> SendAsync(string dong, TelemetryBatch batch)
    {
        try
        {
            var result = await grains.GetGrain<INeighbourhoodGrain>(dong).IngestAsync(batch).WaitAsync(options.Value.BatchTimeout);
            return (result.Accepted, result.Rejected.Count, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Batch of {Count} readings for dong {Dong} failed; the next tick carries fresh values", batch.Readings.Count, dong);
            return (0, 0, true);
        }
    }
}
