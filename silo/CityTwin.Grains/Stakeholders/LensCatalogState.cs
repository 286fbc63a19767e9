using CityTwin.Abstractions.Stakeholders;

namespace CityTwin.Grains.Stakeholders;

/// <summary>Stored state of <see cref="LensCatalogGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.LensCatalogState")]
public sealed class LensCatalogState
{
    [Id(0)] public Dictionary<string, Lens> Lenses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Ids in the order the lenses are listed (the pack's five groups first).</summary>
    [Id(1)] public List<string> Order { get; set; } = [];

    /// <summary>Whether the city pack's lenses were copied in (so a deleted pack lens stays deleted).</summary>
    [Id(2)] public bool Seeded { get; set; }
}
