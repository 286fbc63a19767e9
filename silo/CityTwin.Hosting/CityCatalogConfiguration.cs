using System.Diagnostics;
using CityTwin.Model.City;
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
        var catalog = CityPackLoader.Load(CityPackLocator.Find(options.Name, options.Path), seed);
        return (catalog, watch.Elapsed);
    }
}
