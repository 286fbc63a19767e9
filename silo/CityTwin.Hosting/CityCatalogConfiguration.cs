using System.Diagnostics;
using CityTwin.Model.City;
using CityTwin.Model.Generation;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Hosting;

/// <summary>
/// Loads the city pack named by configuration (<c>City:Path</c>, else <c>City:Name</c>). Every process of a cluster must load the same pack
/// with the same seed: asset indices on the wire and in the live feed are positions in this catalog.
/// </summary>
public static class CityCatalogConfiguration
{
    /// <summary>Configuration key of the generation seed, shared with the simulator's options.</summary>
    public const string SeedKey = "Simulation:Seed";

    public static (CityCatalog Catalog, TimeSpan Elapsed) Load(IConfiguration configuration)
    {
        // Loaded before anything starts: a broken pack stops the process with a message naming the
        // file and feature, rather than serving a half-empty map.
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        var seed = configuration.GetValue(SeedKey, CityPackLoader.DefaultSeed);
        var watch = Stopwatch.StartNew();
        if (!double.IsFinite(options.SyntheticScale) || options.SyntheticScale < 0.01 || options.SyntheticScale > 1000)
            throw new InvalidOperationException($"City:SyntheticScale must be between 0.01 and 1000, not {options.SyntheticScale}");
        var catalog = options.SyntheticScale == 1
            ? CityPackLoader.Load(CityPackLocator.Find(options.Name, options.Path), seed)
            : CityPackLoader.Load(CityPackLocator.Find(options.Name, options.Path), seed, SyntheticPlan.Default.Scaled(options.SyntheticScale));
        return (catalog, watch.Elapsed);
    }
}
