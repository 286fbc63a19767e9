using CityTwin.Abstractions.Tours;

namespace CityTwin.Grains.Tours;

/// <summary>Stored state of <see cref="TourCatalogGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.TourCatalogState")]
public sealed class TourCatalogState
{
    [Id(0)] public Dictionary<string, Tour> Tours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the city pack's tours were copied in (so a deleted pack tour stays deleted).</summary>
    [Id(1)] public bool Seeded { get; set; }
}
