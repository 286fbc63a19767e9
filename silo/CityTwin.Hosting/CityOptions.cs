namespace CityTwin.Hosting;

/// <summary>
/// Configuration section <c>City</c>: which city pack to load. A pack is a folder with a city.json
/// manifest and its data files (data/cities/README.md), so another city needs no code change.
/// </summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>Name of a pack folder under data/cities (beside the program or in the repository).</summary>
    public string Name { get; set; } = "incheon";

    /// <summary>A pack folder anywhere on disk; overrides <see cref="Name"/>.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Multiplies the pack's synthetic assets (streetlights, sensors, chargers… placed by the
    /// seeded plan; real OSM assets stay as they are): 1 is the pack as shipped, about 110 gives
    /// Incheon a million assets, for sizing a deployment. Every process of a cluster must use the
    /// same value. Between 0.01 and 1000.
    /// </summary>
    public double SyntheticScale { get; set; } = 1;
}
