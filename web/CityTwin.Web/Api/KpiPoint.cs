namespace CityTwin.Web.Api;

/// <summary>KPIs at one simulated instant.</summary>
public sealed record KpiPoint(DateTimeOffset At, IReadOnlyDictionary<string, double> Kpis);
