using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;

namespace CityTwin.Scenarios.Economics;

/// <summary>
/// Costs and payback of a run, per city, gu and dong (docs/models.md §16.14). Capital and operating
/// costs are the units each intervention pays for (its scope's cost units, dong by dong) at the
/// per-unit costs of its parameters. Savings are the run's change in grid energy at the tariff and
/// in CO2 (electricity and traffic) at the carbon price, annualised: the run's horizon stands for
/// every such period of the year (× 365 for a 24-hour run), which is only as right as the day is
/// typical of the year.
/// </summary>
public static class EconomicsCalculator
{
    public static EconomicsResult Compute(
        ScenarioResultsDocument results,
        ScenarioDefinition definition,
        IReadOnlyList<DongCost> dongCosts,
        CityCatalog city,
        EconomicAssumptions assumptions,
        InterventionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(dongCosts);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(assumptions);
        catalog ??= InterventionCatalog.Default;
        var factor = Appraisal.AnnualisationFactor(definition.Horizon.TotalHours);

        var interventions = definition.Interventions ?? [];
        var prices = new Dictionary<int, (double Capex, double Opex)>();
        var costs = new List<InterventionCost>();
        foreach (var scope in results.Scopes.OrderBy(s => s.Index))
        {
            var price = UnitPrices(scope.Index < interventions.Count ? interventions[scope.Index] : null, catalog);
            prices[scope.Index] = price;
            costs.Add(new InterventionCost(scope.Index, scope.Type, scope.CostUnits, scope.CostUnit ?? "",
                price.Capex, price.Opex, scope.CostUnits * price.Capex, scope.CostUnits * price.Opex));
        }

        // Each dong's bill, in code order so the sums do not depend on which district reported first.
        var dongBills = new SortedDictionary<string, (double Capex, double Opex)>(StringComparer.Ordinal);
        foreach (var c in dongCosts.OrderBy(c => c.DongCode, StringComparer.Ordinal).ThenBy(c => c.Index))
        {
            var price = prices.TryGetValue(c.Index, out var p) ? p : UnitPrices(c.Index < interventions.Count ? interventions[c.Index] : null, catalog);
            var bill = dongBills.GetValueOrDefault(c.DongCode);
            dongBills[c.DongCode] = (bill.Capex + c.Units * price.Capex, bill.Opex + c.Units * price.Opex);
        }
        var guBills = new SortedDictionary<string, (double Capex, double Opex)>(StringComparer.Ordinal);
        foreach (var (code, bill) in dongBills)
        {
            if (city.FindDong(code)?.GuCode is not { } gu) continue;
            var sum = guBills.GetValueOrDefault(gu);
            guBills[gu] = (sum.Capex + bill.Capex, sum.Opex + bill.Opex);
        }

        AreaEconomics Area(string code, string nameEn, string nameKo, (double Capex, double Opex) bill, Func<string, double?> delta)
        {
            var energy = -(delta(ScenarioKpiIds.GridEnergyMwh) ?? 0) * factor;
            var co2 = -(delta(ScenarioKpiIds.Co2Tonnes) ?? 0) * factor;
            var energySavings = energy * 1000 * assumptions.TariffPerKwh;
            var carbonSavings = co2 * assumptions.CarbonPricePerTonne;
            var net = energySavings + carbonSavings - bill.Opex;
            return new AreaEconomics(code, nameEn, nameKo, bill.Capex, bill.Opex, energy, co2, energySavings, carbonSavings, net,
                Appraisal.PaybackYears(bill.Capex, net), Appraisal.Npv(bill.Capex, net, assumptions.DiscountRatePercent, assumptions.AppraisalYears));
        }

        static Func<string, double?> Deltas(AreaRow row) => id => row.Kpis.TryGetValue(id, out var c) ? c.Delta : null;
        var cityBill = (costs.Sum(c => c.Capex), costs.Sum(c => c.OpexPerYear));
        var cityArea = Area(city.Id, city.NameEn, city.NameKo, cityBill, id => results.Kpis.FirstOrDefault(k => k.Id == id)?.Delta);
        return new EconomicsResult(
            assumptions.Currency,
            assumptions.TariffPerKwh,
            assumptions.CarbonPricePerTonne,
            assumptions.DiscountRatePercent,
            assumptions.AppraisalYears,
            factor,
            costs,
            cityArea,
            [.. results.Districts.Select(d => Area(d.Code, d.NameEn, d.NameKo, guBills.GetValueOrDefault(d.Code), Deltas(d)))],
            [.. results.Dongs.Select(d => Area(d.Code, d.NameEn, d.NameKo, dongBills.GetValueOrDefault(d.Code), Deltas(d)))],
            Appraisal.CumulativeCashFlow(cityArea.Capex, cityArea.NetPerYear, assumptions.AppraisalYears));
    }

    /// <summary>Capital and yearly operating cost per unit: the intervention's parameters, or their catalogue defaults.</summary>
    private static (double Capex, double Opex) UnitPrices(ScenarioIntervention? intervention, InterventionCatalog catalog)
    {
        if (intervention is null || catalog.Find(intervention.Type) is not { } type) return (0, 0);
        double Value(string name) => type.FindParameter(name) is null ? 0 : type.Value(intervention, name);
        return (Value(CostParameters.Capital), Value(CostParameters.Operating));
    }
}
