using CityTwin.Abstractions.Areas;
using CityTwin.Scenarios.Kpis;

namespace CityTwin.Scenarios.Results;

/// <summary>
/// Baseline and scenario of one area (a dong, a gu or the city) over the steps starting at
/// <see cref="Start"/>. The channels are the stored data; <see cref="Series"/> and
/// <see cref="Compare"/> derive the KPIs from them.
/// </summary>
public sealed record AreaResult(
    AreaLevel Level,
    string Code,
    string NameEn,
    string NameKo,
    DateTimeOffset Start,
    TimeSpan Step,
    AreaInventory Inventory,
    ChannelSeries Baseline,
    ChannelSeries Scenario)
{
    public int Steps => Baseline.Steps;

    /// <summary>The city's grid emission factor (tCO2eq/MWh) behind the electricity CO2 KPIs: a city figure from its pack.</summary>
    public required double GridTonnesCo2PerMwh { get; init; }

    /// <summary>The instant of step <paramref name="k"/> (UTC).</summary>
    public DateTimeOffset At(int k) => Start + Step * k;

    public KpiSeries Series(string kpiId) => Series(kpiId, ScenarioKpiCatalog.Default);

    public KpiSeries Series(string kpiId, ScenarioKpiCatalog kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var kpi = kpis.Find(kpiId) ?? throw new ArgumentException($"unknown KPI '{kpiId}'", nameof(kpiId));
        return new KpiSeries(kpi.Id, kpi.SeriesUnit, KpiMath.IsAvailable(kpi.Id, Inventory),
            KpiMath.Series(kpi.Id, Baseline, Inventory, GridTonnesCo2PerMwh), KpiMath.Series(kpi.Id, Scenario, Inventory, GridTonnesCo2PerMwh), Total(kpi));
    }

    public KpiComparison Total(string kpiId) =>
        Total(ScenarioKpiCatalog.Default.Find(kpiId) ?? throw new ArgumentException($"unknown KPI '{kpiId}'", nameof(kpiId)));

    public KpiComparison Total(ScenarioKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return KpiComparison.Compare(kpi,
            KpiMath.Total(kpi.Id, Baseline, Inventory, Step, GridTonnesCo2PerMwh),
            KpiMath.Total(kpi.Id, Scenario, Inventory, Step, GridTonnesCo2PerMwh));
    }

    /// <summary>Every KPI that applies to this area, baseline against scenario over the horizon.</summary>
    public IReadOnlyList<KpiComparison> Compare() => Compare(ScenarioKpiCatalog.Default);

    public IReadOnlyList<KpiComparison> Compare(ScenarioKpiCatalog kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var list = new List<KpiComparison>(kpis.Kpis.Count);
        foreach (var kpi in kpis.Kpis)
            if (KpiMath.IsAvailable(kpi.Id, Inventory)) list.Add(Total(kpi));
        return list;
    }
}
