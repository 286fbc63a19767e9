namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// The money of one area (the city, a gu or a dong): what the interventions there cost, what they
/// save a year and whether that pays back. Savings are the run's changes annualised (see
/// <see cref="EconomicsResult.AnnualisationFactor"/>); negative savings are extra cost (EV charging
/// buys more grid energy). Money in <see cref="EconomicsResult.Currency"/>.
/// </summary>
/// <param name="EnergySavedMwhPerYear">Grid energy saved a year, MWh (baseline − scenario, annualised).</param>
/// <param name="Co2SavedTonnesPerYear">CO2 avoided a year, t (electricity and traffic).</param>
/// <param name="EnergySavingsPerYear">Energy saved × tariff.</param>
/// <param name="CarbonSavingsPerYear">CO2 avoided × carbon price.</param>
/// <param name="NetPerYear">Savings less the yearly operating cost.</param>
/// <param name="PaybackYears">Capital cost ÷ net yearly saving; null when the net saving is not positive (it never pays back).</param>
/// <param name="Npv">−capital cost + the net yearly saving discounted over the appraisal years.</param>
[GenerateSerializer, Immutable, Alias("CityTwin.AreaEconomics")]
public sealed record AreaEconomics(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameEn,
    [property: Id(2)] string NameKo,
    [property: Id(3)] double Capex,
    [property: Id(4)] double OpexPerYear,
    [property: Id(5)] double EnergySavedMwhPerYear,
    [property: Id(6)] double Co2SavedTonnesPerYear,
    [property: Id(7)] double EnergySavingsPerYear,
    [property: Id(8)] double CarbonSavingsPerYear,
    [property: Id(9)] double NetPerYear,
    [property: Id(10)] double? PaybackYears,
    [property: Id(11)] double Npv);
