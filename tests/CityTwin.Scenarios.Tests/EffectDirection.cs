using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Kpis;

namespace CityTwin.Scenarios.Tests;

/// <summary>
/// The headline effect of one intervention: run <see cref="Definition"/> for gu <see cref="Gu"/>
/// and <see cref="Kpi"/> must come out <see cref="Expected"/> against the baseline.
/// </summary>
public sealed record EffectDirection(Func<ScenarioDefinition> Definition, Func<string> Gu, string Kpi, KpiOutcome Expected);
