using CityTwin.Hosting;
using CityTwin.Model.City;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Cities;

/// <summary>
/// Switches the embedded twin to another installed city: checks the pack loads, remembers the
/// choice (<see cref="ActiveCityFile"/>), tells every map (<c>citySwitching</c>), then stops the
/// host gracefully so <see cref="CityRunLoop"/> builds it again on the new pack. In a cluster the
/// city is a deployment choice (every silo, web node and simulator loads the same pack), so a
/// switch is refused there.
/// </summary>
public sealed class CitySwitcher(
    CityRunLoop loop,
    CityCatalog running,
    CityPackFolders folders,
    CityImportRunner imports,
    IHubContext<TwinHub, ITwinClient> hub,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    TimeProvider time,
    ILogger<CitySwitcher> logger)
{
    /// <summary>Time for the <c>citySwitching</c> frame to reach the maps before their connections close.</summary>
    private static readonly TimeSpan FrameGrace = TimeSpan.FromMilliseconds(500);

    private int _switching;

    public async Task<CitySwitchOutcome> SwitchAsync(string id, string actor, CancellationToken cancellationToken)
    {
        if (ClientConfiguration.IsCluster(configuration))
            return CitySwitchOutcome.Refused(StatusCodes.Status409Conflict, "The city is a deployment choice in a cluster",
                "Every silo, web node and simulator of a cluster loads the same city pack (asset indices on the wire are positions in it), " +
                "so one web node cannot switch it. Redeploy all processes with City:Path (or City:Name) set to the pack.");
        if (id == running.Id)
            return CitySwitchOutcome.Refused(StatusCodes.Status409Conflict, "This city is already running", $"The twin runs '{id}'");
        var directory = folders.Find(id);
        if (directory is null)
            return CitySwitchOutcome.Refused(StatusCodes.Status404NotFound, "Unknown city", $"No installed pack has the id '{id}'");
        if (Interlocked.CompareExchange(ref _switching, 1, 0) != 0)
            return CitySwitchOutcome.Refused(StatusCodes.Status409Conflict, "A switch is under way", "The twin is already switching city");
        if (!imports.TryClose())
        {
            Volatile.Write(ref _switching, 0);
            return CitySwitchOutcome.Refused(StatusCodes.Status409Conflict, "A city import is running", "Switch when the import has finished");
        }

        CityCatalog catalog;
        try
        {
            // Loaded before the running twin stops: a pack that does not load must leave it running.
            var seed = configuration.GetValue(CityCatalogConfiguration.SeedKey, CityPackLoader.DefaultSeed);
            catalog = await Task.Run(() => CityPackLoader.Load(directory, seed), cancellationToken);
        }
        catch (Exception ex) when (ex is CityPackException or OperationCanceledException)
        {
            imports.Reopen();
            Volatile.Write(ref _switching, 0);
            if (ex is OperationCanceledException) throw;
            logger.LogWarning("Refused a switch to {City}: {Problem}", id, ex.Message);
            return CitySwitchOutcome.Refused(StatusCodes.Status400BadRequest, "The city pack does not load", ex.Message);
        }

        ActiveCityFile.Write(ActiveCityFile.DataDirectory(configuration, environment.ContentRootPath),
            new ActiveCityChoice(catalog.Id, directory, actor, time.GetUtcNow()));
        var frame = new CitySwitchingFrame(catalog.Id, catalog.Pack.Names, running.Id, catalog.Dongs.Count, catalog.Assets.Count);
        logger.LogWarning("{User} switches the twin from {From} to {To} ({Directory})", actor, running.Id, catalog.Id, directory);
        try
        {
            await hub.Clients.All.citySwitching(frame);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A map that misses the frame still follows: it reloads when it reconnects to another city.
            logger.LogWarning(ex, "Could not tell every map about the switch");
        }
        loop.SwitchTo(directory, catalog);
        _ = StopSoonAsync();
        return new CitySwitchOutcome(frame, StatusCodes.Status202Accepted);
    }

    private async Task StopSoonAsync()
    {
        await Task.Delay(FrameGrace, time);
        lifetime.StopApplication();
    }
}
