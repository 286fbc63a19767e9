namespace CityTwin.Abstractions.Kpis;

/// <summary>KPIs of an area at one simulated instant (for history charts).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.KpiSample")]
public sealed record KpiSample([property: Id(0)] DateTimeOffset At, [property: Id(1)] KpiSet Kpis);
