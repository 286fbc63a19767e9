namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// Sourced constants the scenario KPIs and interventions use on top of the live models' own
/// parameters. Tags as in docs/models.md: [KR] Korean source, [INTL] international, [derived] our
/// arithmetic, [assumed] our choice, [verify] check the primary document before quoting it.
/// </summary>
public static class ScenarioFacts
{
    /// <summary>
    /// Consumption-side grid emission factor for 2023, tCO2eq/MWh: [KR] Ministry of Climate, Energy and
    /// Environment, 17 Dec 2025 (https://www.ajunews.com/view/20251218111433736); the 2020–2022 average
    /// was 0.4541. Not yet in model-facts.md.
    /// </summary>
    public const double GridTonnesCo2PerMwh = 0.4173;

    /// <summary>In-use combustion car, g CO2/km: midpoint of the 150–190 g/km range [derived, model-facts §2].</summary>
    public const double CombustionGramsCo2PerKm = 170;

    /// <summary>Registered vehicles in Incheon at the end of 2023 [KR] MOLIT (model-facts §4).</summary>
    public const double IncheonRegisteredVehicles = 1_730_839;

    /// <summary>Battery EVs among them [KR] MOLIT (model-facts §4).</summary>
    public const double IncheonElectricVehicles = 40_397;

    /// <summary>EV share of the fleet today, ≈2.3 % [derived].</summary>
    public const double CurrentEvShare = IncheonElectricVehicles / IncheonRegisteredVehicles;

    /// <summary>
    /// Kilometres per vehicle per day: passenger cars average 1,053 km a month [KR] KEPCO Research
    /// Institute survey, 2021 (https://m.etnews.com/20210609000060) ⇒ 34.6 km/day [derived]; applied to
    /// every registered vehicle [assumed]. Not yet in model-facts.md.
    /// </summary>
    public const double KmPerVehiclePerDay = 1053.0 * 12 / 365;

    /// <summary>
    /// EV consumption, kWh/km: 5 km/kWh, the boundary of MOTIE's energy-efficiency grades 2 (5.0–5.7)
    /// and 3 (4.2–4.9 km/kWh) [KR][verify] (MOTIE EV efficiency label, 2023). Not yet in model-facts.md.
    /// </summary>
    public const double EvKwhPerKm = 0.2;

    /// <summary>A heatwave day is Tmax ≥ 33 °C [KR] KMA (model-facts §7).</summary>
    public const double HeatThresholdC = 33;

    /// <summary>Korean 24-h PM2.5 standard, µg/m³ [KR] (model-facts §2).</summary>
    public const double Pm25StandardUgM3 = 35;

    /// <summary>Panel capacity per m² of usable roof, kWp: the generator's sizing of today's rooftop PV.</summary>
    public const double PvKwpPerM2 = 0.18;

    /// <summary>Per-lamp wattage of Incheon's conversions: 400 W sodium → 150 W LED [KR] (model-facts §5).</summary>
    public const double SodiumToLedSaving = 1 - 150.0 / 400.0;
}
