using CityTwin.Hosting;
using CityTwin.Model.City;

namespace CityTwin.Web.Cities;

/// <summary>
/// Runs the twin on one city at a time, in this one process. Program.cs builds and runs a host per
/// turn; an admin's switch (<see cref="CitySwitcher"/>) names the next pack and stops the host
/// gracefully, and the next turn builds the whole twin (silo, simulator, feeds, web) on that pack.
/// Which pack a turn runs, first match wins:
/// <list type="number">
/// <item>a switch made in this process;</item>
/// <item><c>City:Path</c> when configured (command line, environment): an explicit pack pins the city at start;</item>
/// <item>the city last chosen by a switch (<see cref="ActiveCityFile"/>), so a restart comes back on it;</item>
/// <item><c>City:Name</c> (Incheon as shipped).</item>
/// </list>
/// </summary>
public sealed class CityRunLoop(string[] args)
{
    private (string Directory, CityCatalog Catalog)? _next;
    private string? _startNote;

    /// <summary>Whether the host just stopped for a switch (the loop then runs another turn).</summary>
    public bool SwitchRequested { get; private set; }

    /// <summary>The builder of the next turn, configured for its city.</summary>
    public WebApplicationBuilder CreateBuilder()
    {
        SwitchRequested = false;
        var builder = WebApplication.CreateBuilder(args);
        var directory = _next?.Directory ?? RememberedAtStart(builder);
        // Added last, so it wins over every other source, the command line included.
        if (directory is not null) builder.Configuration.AddInMemoryCollection([new(CityOptions.Section + ":Path", directory)]);
        builder.Services.AddSingleton(this);
        return builder;
    }

    /// <summary>
    /// The catalog of the turn's city: the one the switch already loaded (it was loaded to check the
    /// pack before the old host stopped), else loaded now; and the per-city durable store.
    /// </summary>
    public (CityCatalog Catalog, TimeSpan Elapsed) LoadCity(WebApplicationBuilder builder)
    {
        var (catalog, elapsed) = _next is { } next && next.Catalog.Seed == builder.Configuration.GetValue(CityCatalogConfiguration.SeedKey, CityPackLoader.DefaultSeed)
            ? (next.Catalog, TimeSpan.Zero)
            : CityCatalogConfiguration.Load(builder.Configuration);
        _next = null;
        CityStores.Use(builder.Configuration, catalog);
        return (catalog, elapsed);
    }

    /// <summary>Logs why the remembered city was or was not used (once, at the first start).</summary>
    public void ReportStart(ILogger logger)
    {
        if (_startNote is not null) logger.LogWarning("{Note}", _startNote);
        _startNote = null;
    }

    /// <summary>Asks for another turn on <paramref name="directory"/>; the caller then stops the host.</summary>
    internal void SwitchTo(string directory, CityCatalog catalog)
    {
        _next = (directory, catalog);
        SwitchRequested = true;
    }

    private string? RememberedAtStart(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[CityOptions.Section + ":Path"])) return null;
        var choice = ActiveCityFile.Read(ActiveCityFile.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath));
        if (choice is null) return null;
        if (File.Exists(Path.Combine(choice.Directory, CityManifestReader.FileName))) return choice.Directory;
        _startNote = $"The city chosen last ({choice.Id} at {choice.Directory}) is no longer installed; starting on the configured city";
        return null;
    }
}
