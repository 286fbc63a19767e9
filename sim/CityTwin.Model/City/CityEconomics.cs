namespace CityTwin.Model.City;

/// <summary>
/// The economic assumptions a city appraises its scenarios with, each sourced in the manifest
/// (city.json, section <c>economics</c>); a planner may override them per run.
/// </summary>
/// <param name="Currency">ISO 4217 code of every amount (KRW).</param>
/// <param name="TariffPerKwh">Price of a kWh of grid electricity.</param>
/// <param name="CarbonPricePerTonne">Value of a tonne of CO2 avoided.</param>
/// <param name="DiscountRatePercent">Real discount rate, % a year.</param>
/// <param name="AppraisalYears">Years a net present value counts.</param>
/// <param name="Sources">The source of each figure, by its field name (tariffPerKwh…).</param>
public sealed record CityEconomics(
    string Currency,
    double TariffPerKwh,
    double CarbonPricePerTonne,
    double DiscountRatePercent,
    int AppraisalYears,
    IReadOnlyDictionary<string, string> Sources);
