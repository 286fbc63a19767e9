using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Live;

/// <summary>The latest KPIs of one area (city, gu or dong) in a frame sent between processes.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AreaKpis")]
public sealed record AreaKpis([property: Id(0)] AreaLevel Level, [property: Id(1)] string Code, [property: Id(2)] KpiSet Kpis);
