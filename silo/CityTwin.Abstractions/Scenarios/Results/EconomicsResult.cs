namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// Costs and payback of a run: the assumptions it used (the city pack's sourced defaults or the
/// planner's own), what each intervention costs, and the money per city, gu and dong.
/// <see cref="CumulativeCashFlow"/> is the city's undiscounted position at the end of each year,
/// year 0 (the capital spent) to <see cref="AppraisalYears"/>: where it crosses zero is the payback.
/// </summary>
/// <param name="AnnualisationFactor">Year ÷ run horizon (8,760 h ÷ 24 h = 365 for a day's run): the run's changes stand for every such period of the year.</param>
[GenerateSerializer, Immutable, Alias("CityTwin.EconomicsResult")]
public sealed record EconomicsResult(
    [property: Id(0)] string Currency,
    [property: Id(1)] double TariffPerKwh,
    [property: Id(2)] double CarbonPricePerTonne,
    [property: Id(3)] double DiscountRatePercent,
    [property: Id(4)] int AppraisalYears,
    [property: Id(5)] double AnnualisationFactor,
    [property: Id(6)] IReadOnlyList<InterventionCost> Interventions,
    [property: Id(7)] AreaEconomics City,
    [property: Id(8)] IReadOnlyList<AreaEconomics> Districts,
    [property: Id(9)] IReadOnlyList<AreaEconomics> Dongs,
    [property: Id(10)] IReadOnlyList<double> CumulativeCashFlow);
