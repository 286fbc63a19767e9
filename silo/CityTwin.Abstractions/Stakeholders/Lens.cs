namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// A stakeholder lens: how one group reads a scenario, as KPI weights, the direction each KPI is
/// better in and a red line per KPI. Texts are per UI language (English always there).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Lens")]
public sealed record Lens
{
    /// <summary>Lower-case id (letters, digits, '-'), also the lens's address in the API.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required IReadOnlyDictionary<string, string> Name { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, string>? Description { get; init; }

    /// <summary>The pentahelix group the lens speaks for (<see cref="PentahelixGroups"/>), or null for another view.</summary>
    [Id(3)] public string? Group { get; init; }

    /// <summary>The KPIs the lens weighs, in the order it lists them.</summary>
    [Id(4)] public required IReadOnlyList<LensKpi> Kpis { get; init; }

    [Id(5)] public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>User name of the last editor; null for a lens shipped in the city pack.</summary>
    [Id(6)] public string? UpdatedBy { get; init; }
}
