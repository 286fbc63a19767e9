using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;

namespace CityTwin.Scenarios.Economics;

/// <summary>
/// The prices a run is appraised at: the city pack's sourced defaults, each replaced by the run's
/// own value where the planner gave one.
/// </summary>
public sealed record EconomicAssumptions(string Currency, double TariffPerKwh, double CarbonPricePerTonne, double DiscountRatePercent, int AppraisalYears)
{
    /// <summary>The assumptions of a run, or null when neither the pack nor the run gives all four.</summary>
    public static EconomicAssumptions? Resolve(CityEconomics? pack, ScenarioEconomics? run)
    {
        var tariff = run?.TariffPerKwh ?? pack?.TariffPerKwh;
        var carbon = run?.CarbonPricePerTonne ?? pack?.CarbonPricePerTonne;
        var rate = run?.DiscountRatePercent ?? pack?.DiscountRatePercent;
        var years = run?.AppraisalYears ?? pack?.AppraisalYears;
        if (tariff is null || carbon is null || rate is null || years is null) return null;
        // The catalogue's cost defaults are Korean won; a pack without a currency is read as such.
        return new EconomicAssumptions(pack?.Currency ?? "KRW", tariff.Value, carbon.Value, rate.Value, years.Value);
    }
}
