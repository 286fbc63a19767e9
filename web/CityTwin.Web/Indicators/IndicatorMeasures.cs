using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.Indicators;

/// <summary>Computes each <see cref="IndicatorMeasure"/> from an area's KPI aggregate and its real facts.</summary>
public static class IndicatorMeasures
{
    private const double HoursPerYear = 8760;

    private static readonly Dictionary<string, IndicatorMeasure> ByWireName = new(StringComparer.Ordinal)
    {
        ["pm25Mean"] = IndicatorMeasure.Pm25Mean,
        ["electricityKwhPerCapitaYear"] = IndicatorMeasure.ElectricityKwhPerCapitaYear,
        ["electricityCo2TonnesPerCapitaYear"] = IndicatorMeasure.ElectricityCo2TonnesPerCapitaYear,
        ["airStationsPerKm2"] = IndicatorMeasure.AirStationsPerKm2,
    };

    /// <summary>The names a pack may give as <c>measure</c>.</summary>
    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static IndicatorMeasure? Parse(string? name) =>
        name is not null && ByWireName.TryGetValue(name, out var m) ? m : null;

    /// <summary>
    /// The measure's value, or null where it has no meaning (no station reporting, no residents,
    /// no area): an unknown figure is left out, never shown as 0.
    /// </summary>
    public static double? Compute(IndicatorMeasure measure, KpiSet kpis, AreaFacts area, double gridTonnesCo2PerMwh) => measure switch
    {
        IndicatorMeasure.Pm25Mean => kpis.AirStations > 0 ? kpis.MeanPm25 : null,
        IndicatorMeasure.ElectricityKwhPerCapitaYear => area.Population > 0 ? kpis.ElectricLoadMw * 1000 * HoursPerYear / area.Population : null,
        IndicatorMeasure.ElectricityCo2TonnesPerCapitaYear => area.Population > 0 ? kpis.ElectricLoadMw * HoursPerYear * gridTonnesCo2PerMwh / area.Population : null,
        IndicatorMeasure.AirStationsPerKm2 => area.AreaKm2 > 0 ? kpis.AirStations / area.AreaKm2 : null,
        _ => null,
    };
}
