namespace CityTwin.Hosting;

/// <summary>Configuration section <c>City</c>: which city pack to load.</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>Name of the pack under data/cities.</summary>
    public string Name { get; set; } = "incheon";

    /// <summary>Explicit pack directory; overrides <see cref="Name"/>.</summary>
    public string? PackPath { get; set; }
}
