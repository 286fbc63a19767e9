using CityTwin.Abstractions.Threading;
using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Simulation;

/// <summary>
/// Drives the twin in live mode: every tick it brings the city clock to now (the city reads the
/// wall time that passed itself, × speed) and runs a <see cref="SimulationEngine"/> tick at the
/// new simulated instant, each batch stamped with the wall-clock instant beside the simulated one.
/// </summary>
public sealed class LiveSimulator(
    IGrainFactory grains,
    CityCatalog catalog,
    SimulationEngine engine,
    IOptions<SimulationOptions> options,
    TimeProvider time,
    ILogger<LiveSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Simulator disabled by configuration");
            return;
        }
        var city = grains.GetGrain<ICityGrain>(catalog.Id);
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        var previousSimTime = DateTimeOffset.MinValue;
        logger.LogInformation("Simulator feeding {Assets} assets in {Dongs} dongs every {Interval}", catalog.Assets.Count, catalog.Dongs.Count, options.Value.TickInterval);
        do
        {
            try
            {
                var clock = await city.AdvanceToNowAsync();
                var wallTime = time.GetUtcNow();
                // Paused: the city stands still, so there is nothing new to send.
                if (clock.SimTime == previousSimTime) continue;
                previousSimTime = clock.SimTime;
                await engine.TickAsync(clock.SimTime, stoppingToken, clock.Timeline, wallTime);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Simulator tick failed; retrying on the next tick");
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }
}
