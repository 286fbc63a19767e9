using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Economics;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>
/// Costs and payback (docs/models.md §16.2) against cases worked by hand, and the cost units the
/// rules tally in a real run.
/// </summary>
public class CostArithmeticTests
{
    [Fact]
    public void Payback_and_npv_match_the_hand_computed_case()
    {
        // 1,000,000 spent now for 150,000 a year: payback 1,000,000 / 150,000 = 6.667 years;
        // NPV at 5 % over 10 years = −1,000,000 + 150,000 × (1 − 1.05^−10) / 0.05
        //                          = −1,000,000 + 150,000 × 7.721735 = 158,260.24.
        Assert.Equal(6.6667, Appraisal.PaybackYears(1_000_000, 150_000)!.Value, 4);
        Assert.Equal(158_260.24, Appraisal.Npv(1_000_000, 150_000, 5, 10), 2);
        // At a zero rate the NPV is the plain sum: −1,000,000 + 10 × 150,000.
        Assert.Equal(500_000, Appraisal.Npv(1_000_000, 150_000, 0, 10), 9);
        // A net saving that is not positive never pays back, and its NPV is the capital lost and more.
        Assert.Null(Appraisal.PaybackYears(1_000_000, 0));
        Assert.Null(Appraisal.PaybackYears(1_000_000, -5));
        Assert.Equal(-1_000_000 - 5 * 7.721735, Appraisal.Npv(1_000_000, -5, 5, 10), 4);
        Assert.Equal(0, Appraisal.PaybackYears(0, 10));
        Assert.Equal([-1_000_000, -850_000, -700_000], Appraisal.CumulativeCashFlow(1_000_000, 150_000, 2));
    }

    [Fact]
    public void A_run_stands_for_the_year_by_its_horizon()
    {
        Assert.Equal(365, Appraisal.AnnualisationFactor(24));
        Assert.Equal(1460, Appraisal.AnnualisationFactor(6));
        Assert.Equal(52.142857, Appraisal.AnnualisationFactor(168), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => Appraisal.AnnualisationFactor(0));
    }

    [Fact]
    public void Percentiles_interpolate_between_the_sorted_values()
    {
        // 1 … 20: the 5th percentile sits 0.95 of the way from 1 to 2, the 95th 0.05 of the way from 19 to 20.
        var band = Percentiles.Band(Enumerable.Range(1, 20).Select(i => (double)(21 - i)));
        Assert.Equal(1.95, band.Low, 9);
        Assert.Equal(10.5, band.Median, 9);
        Assert.Equal(19.05, band.High, 9);
        var single = Percentiles.Band([7.0]);
        Assert.Equal(single.Low, single.High);
        // "Never" sorts last: with 3 of 10 never paying back, the 95th percentile never does, the median does.
        var payback = Percentiles.Payback([2, 3, 4, 5, 6, 7, 8, null, null, null]);
        Assert.Equal(2.45, payback.Low!.Value, 9);
        Assert.Equal(6.5, payback.Median!.Value, 9);
        Assert.Null(payback.High);
    }

    [Fact]
    public void The_median_of_more_seeds_varies_less_from_one_seed_list_to_the_next()
    {
        // What a larger N buys: the 90 % band does not shrink (it is the spread of the outcome), but
        // its estimate settles. Medians of 8 disjoint seed lists of 3 scatter more than of 8 lists of 25.
        var random = new Random(2026);
        var draws = Enumerable.Range(0, 8 * 25).Select(_ => random.NextDouble() + random.NextDouble() + random.NextDouble()).ToArray();
        double Scatter(int n) => Enumerable.Range(0, 8).Select(g => Percentiles.Band(draws.Skip(g * 25).Take(n)).Median).Aggregate(
            (Min: double.MaxValue, Max: double.MinValue), (a, m) => (Math.Min(a.Min, m), Math.Max(a.Max, m)), a => a.Max - a.Min);
        Assert.True(Scatter(25) < Scatter(3) / 2, $"scatter of medians: N=3 {Scatter(3):0.000}, N=25 {Scatter(25):0.000}");
    }

    [Fact]
    public void Costs_savings_payback_and_npv_of_a_run_match_the_hand_computed_case()
    {
        var dongs = City.DongsOf(Yeonsu).OrderBy(d => d.Code, StringComparer.Ordinal).Take(2).ToArray();
        var otherGu = City.DongsOf(Namdong).OrderBy(d => d.Code, StringComparer.Ordinal).First();
        var retrofit = Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City(),
            (CostParameters.Capital, 500_000), (CostParameters.Operating, 1_000));
        var definition = At(Local(2025, 8, 6, 0), 24, 60, retrofit);
        // Over the 24 h: grid energy −2 MWh and CO2 −1 t citywide; the first dong saves 0.5 MWh and 0.25 t.
        static Comparison Delta(double d) => Comparison.Of(100, 100 + d);
        var results = new ScenarioResultsDocument("hand", "hand", definition.Start.Instant!.Value, 60, Seed, [],
            [Row(ScenarioKpiIds.GridEnergyMwh, -2), Row(ScenarioKpiIds.Co2Tonnes, -1)],
            [new AreaRow(Yeonsu, "Yeonsu", "연수구", new Dictionary<string, Comparison> { [ScenarioKpiIds.GridEnergyMwh] = Delta(-0.5), [ScenarioKpiIds.Co2Tonnes] = Delta(-0.25) })],
            [new AreaRow(dongs[0].Code, dongs[0].NameEn, dongs[0].NameKo, new Dictionary<string, Comparison> { [ScenarioKpiIds.GridEnergyMwh] = Delta(-0.5), [ScenarioKpiIds.Co2Tonnes] = Delta(-0.25) })],
            new Dictionary<string, SeriesPair>(),
            [new ScopeTotals(0, InterventionIds.LedRetrofit, 10, 3, 100, "lamps converted", 100, "lamp")],
            []);
        DongCost[] costs = [new(0, dongs[0].Code, 60), new(0, dongs[1].Code, 30), new(0, otherGu.Code, 10)];
        var assumptions = new EconomicAssumptions("KRW", 150, 20_000, 5, 10);

        var e = EconomicsCalculator.Compute(results, definition, costs, City, assumptions);

        // Capital 100 lamps × 500,000 = 50,000,000; operating 100 × 1,000 = 100,000 a year.
        // Savings a year: 2 MWh × 365 = 730 MWh = 730,000 kWh × 150 = 109,500,000 (energy)
        //                 1 t × 365 = 365 t × 20,000 = 7,300,000 (carbon).
        // Net 109,500,000 + 7,300,000 − 100,000 = 116,700,000; payback 50,000,000 / 116,700,000 = 0.42845 years;
        // NPV −50,000,000 + 116,700,000 × 7.7217349 = 851,126,466.2.
        Assert.Equal(365, e.AnnualisationFactor);
        var i = Assert.Single(e.Interventions);
        Assert.Equal((100.0, "lamp", 500_000.0, 1_000.0, 50_000_000.0, 100_000.0), (i.Units, i.Unit, i.CapexPerUnit, i.OpexPerUnitYear, i.Capex, i.OpexPerYear));
        var c = e.City;
        Assert.Equal(50_000_000, c.Capex, 6);
        Assert.Equal(100_000, c.OpexPerYear, 6);
        Assert.Equal(730, c.EnergySavedMwhPerYear, 9);
        Assert.Equal(365, c.Co2SavedTonnesPerYear, 9);
        Assert.Equal(109_500_000, c.EnergySavingsPerYear, 4);
        Assert.Equal(7_300_000, c.CarbonSavingsPerYear, 4);
        Assert.Equal(116_700_000, c.NetPerYear, 4);
        Assert.Equal(0.428449, c.PaybackYears!.Value, 6);
        Assert.Equal(851_126_466.2, c.Npv, 0);
        Assert.Equal(11, e.CumulativeCashFlow.Count);
        Assert.Equal(-50_000_000, e.CumulativeCashFlow[0], 6);
        Assert.Equal(-50_000_000 + 10 * 116_700_000, e.CumulativeCashFlow[10], 2);

        // The gu pays for its two dongs' 90 lamps (45,000,000 and 90,000 a year) and saves a quarter
        // of the city's energy and CO2: 27,375,000 + 1,825,000 − 90,000 = 29,110,000 a year.
        var gu = Assert.Single(e.Districts);
        Assert.Equal(45_000_000, gu.Capex, 6);
        Assert.Equal(90_000, gu.OpexPerYear, 6);
        Assert.Equal(29_110_000, gu.NetPerYear, 4);
        Assert.Equal(45_000_000 / 29_110_000.0, gu.PaybackYears!.Value, 9);
        var dong = Assert.Single(e.Dongs);
        Assert.Equal(30_000_000, dong.Capex, 6);
        Assert.Equal(27_375_000 + 1_825_000 - 60_000, dong.NetPerYear, 4);
    }

    [Fact]
    public void Run_overrides_replace_the_city_defaults_one_by_one()
    {
        var pack = City.Pack.Economics!;
        Assert.Equal("KRW", pack.Currency);
        Assert.All(new[] { "tariffPerKwh", "carbonPricePerTonne", "discountRatePercent", "appraisalYears" }, f => Assert.False(string.IsNullOrWhiteSpace(pack.Sources[f])));
        var mixed = EconomicAssumptions.Resolve(pack, new ScenarioEconomics(TariffPerKwh: 200, AppraisalYears: 15))!;
        Assert.Equal((200.0, pack.CarbonPricePerTonne, pack.DiscountRatePercent, 15), (mixed.TariffPerKwh, mixed.CarbonPricePerTonne, mixed.DiscountRatePercent, mixed.AppraisalYears));
        Assert.Null(EconomicAssumptions.Resolve(null, new ScenarioEconomics(TariffPerKwh: 200)));
        Assert.NotNull(EconomicAssumptions.Resolve(null, new ScenarioEconomics(200, 10_000, 3, 20)));
    }

    [Fact]
    public void A_retrofit_pays_for_the_lamps_it_converts_dong_by_dong()
    {
        var district = Runner.RunDistrict(At(Local(2025, 8, 6, 0), 1, 60, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.Gu(Yeonsu))), Yeonsu);
        var scope = Assert.Single(district.Scopes);
        Assert.Equal("lamp", scope.CostUnit);
        Assert.True(scope.CostUnits > 100, $"{scope.CostUnits} lamps");
        Assert.Equal(scope.Quantity, scope.CostUnits, 6);
        Assert.Equal(scope.CostUnits, scope.DongCostUnits.Values.Sum(), 6);
        Assert.All(scope.DongCostUnits.Keys, code => Assert.Equal(Yeonsu, City.FindDong(code)!.GuCode));
    }

    [Fact]
    public void Ev_adoption_pays_for_one_charger_per_so_many_evs_added()
    {
        ScenarioIntervention Ev(double perCharger) => Intervention(InterventionIds.EvAdoption, ScenarioTarget.Gu(Yeonsu), ("evSharePercent", 20), ("evsPerCharger", perCharger));
        var two = Assert.Single(Runner.RunDistrict(At(Local(2025, 8, 6, 0), 1, 60, Ev(2)), Yeonsu).Scopes);
        var four = Assert.Single(Runner.RunDistrict(At(Local(2025, 8, 6, 0), 1, 60, Ev(4)), Yeonsu).Scopes);
        Assert.Equal("charger", two.CostUnit);
        Assert.True(two.Quantity > 1000, $"{two.Quantity} EVs added");
        Assert.Equal(two.Quantity / 2, two.CostUnits, 6);
        Assert.Equal(two.CostUnits / 2, four.CostUnits, 6);
    }

    [Fact]
    public void Green_roofs_pay_per_square_metre_converted()
    {
        ScenarioIntervention Roofs(double share) => Intervention(InterventionIds.GreenRoofs, ScenarioTarget.Gu(Yeonsu), ("areaSharePercent", share));
        var ten = Assert.Single(Runner.RunDistrict(At(Local(2025, 8, 6, 0), 1, 60, Roofs(10)), Yeonsu).Scopes);
        var twenty = Assert.Single(Runner.RunDistrict(At(Local(2025, 8, 6, 0), 1, 60, Roofs(20)), Yeonsu).Scopes);
        Assert.Equal("m²", ten.CostUnit);
        // A tenth of the impervious part of the gu's drained dongs: more than a hectare, less than the gu.
        Assert.InRange(ten.CostUnits, 1e4, City.FindDistrict(Yeonsu)!.AreaKm2 * 1e6 * 0.1);
        Assert.Equal(ten.CostUnits * 2, twenty.CostUnits, 6);
    }

    private static KpiRow Row(string id, double delta) =>
        new(id, id, "", "lower", "", "", 100, 100 + delta, delta, delta, "better");
}
