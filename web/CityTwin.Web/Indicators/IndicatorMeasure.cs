namespace CityTwin.Web.Indicators;

/// <summary>
/// What the twin can honestly compute for an indicator, named by the city pack's <c>measure</c>
/// field (wire names in <see cref="IndicatorMeasures"/>). A pack maps each of its ISO indicators
/// to one of these; an indicator the twin cannot compute has no measure and is left out.
/// </summary>
public enum IndicatorMeasure
{
    /// <summary>Mean PM2.5 over the reporting air-quality stations, µg/m³.</summary>
    Pm25Mean,

    /// <summary>Substation load × 8,760 h ÷ residents, kWh/year per person.</summary>
    ElectricityKwhPerCapitaYear,

    /// <summary>Substation load × 8,760 h × grid factor ÷ residents, t CO2e/year per person.</summary>
    ElectricityCo2TonnesPerCapitaYear,

    /// <summary>Reporting air-quality stations ÷ land area, per km².</summary>
    AirStationsPerKm2,
}
