namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// A run's own economic assumptions; each one left null takes the city pack's sourced default
/// (city.json, section <c>economics</c>). Money is in the pack's currency.
/// </summary>
/// <param name="TariffPerKwh">Price of a kWh of grid electricity.</param>
/// <param name="CarbonPricePerTonne">Value of a tonne of CO2 avoided.</param>
/// <param name="DiscountRatePercent">Real discount rate of the net present value, % a year.</param>
/// <param name="AppraisalYears">Years the net present value counts.</param>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioEconomics")]
public sealed record ScenarioEconomics(
    [property: Id(0)] double? TariffPerKwh = null,
    [property: Id(1)] double? CarbonPricePerTonne = null,
    [property: Id(2)] double? DiscountRatePercent = null,
    [property: Id(3)] int? AppraisalYears = null);
