using System.Globalization;
using System.Text;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Scenarios.Catalog;
using static CityTwin.Web.Scenarios.BriefFormat;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The brief's costs and payback: what each intervention costs, the city's money with its 90 % band
/// when the run repeated over seeds, the cumulative cash flow and the districts, and how the run's
/// savings were annualised (and what that leaves out).
/// </summary>
internal static class EconomicsBrief
{
    public static void Append(StringBuilder sb, ScenarioResultsDocument doc)
    {
        if (doc.Economics is not { } e)
        {
            sb.Append("<h2>Costs and payback</h2><p class=\"meta\">Not appraised: this run was stored before costs were computed, or the city pack has no economic assumptions.</p>");
            return;
        }
        var c = e.City;
        sb.Append("<h2>Costs and payback (").Append(E(e.Currency)).Append(")</h2>");
        sb.Append("<p class=\"meta\">").Append(Assumptions(e)).Append(' ').Append(Annualisation(e, doc.StepMinutes * doc.Times.Count / 60)).Append("</p>");
        sb.Append("<table><tr><th>Intervention</th><th>Units paid for</th><th>Capital per unit</th><th>Capital cost (M)</th><th>Operating a year (M)</th></tr>");
        foreach (var i in e.Interventions)
        {
            var name = InterventionCatalog.Default.Find(i.Type)?.Name ?? i.Type;
            sb.Append("<tr><td>").Append(E($"{i.Index + 1}. {name}")).Append("</td><td>").Append(N(i.Units)).Append(' ').Append(E(i.Unit))
              .Append("</td><td>").Append(N(i.CapexPerUnit)).Append("</td><td>").Append(Millions(i.Capex)).Append("</td><td>").Append(Millions(i.OpexPerYear)).Append("</td></tr>");
        }
        sb.Append("</table>");
        sb.Append("<table class=\"money\" data-area=\"city\"><tr><th>City, a year</th><th>Energy saved</th><th>CO2 avoided</th><th>Savings (M)</th><th>Net of operating (M)</th><th>Capital (M)</th><th>Simple payback</th><th>NPV (M)</th></tr>");
        sb.Append("<tr><td>").Append(E(c.NameEn)).Append("</td><td>").Append(N(c.EnergySavedMwhPerYear)).Append(" MWh</td><td>").Append(N(c.Co2SavedTonnesPerYear)).Append(" t</td><td>")
          .Append(Millions(c.EnergySavingsPerYear + c.CarbonSavingsPerYear)).Append("</td><td>").Append(Millions(c.NetPerYear)).Append("</td><td>").Append(Millions(c.Capex))
          .Append("</td><td class=\"payback\">").Append(Years(c.PaybackYears)).Append("</td><td class=\"npv\">").Append(Millions(c.Npv)).Append("</td></tr>");
        if (doc.Uncertainty?.Economics is { } band)
        {
            sb.Append("<tr class=\"band\"><td>Median [90 % band] over ").Append(doc.Uncertainty.Seeds.Count).Append(" seeds</td><td></td><td></td><td>")
              .Append(Range(band.SavingsPerYear)).Append("</td><td>").Append(Range(band.NetPerYear)).Append("</td><td>").Append(Millions(c.Capex))
              .Append("</td><td>").Append(Years(band.PaybackYears.Median)).Append(" [").Append(Years(band.PaybackYears.Low)).Append(" – ").Append(Years(band.PaybackYears.High)).Append("]</td><td>").Append(Range(band.Npv)).Append("</td></tr>");
        }
        sb.Append("</table>");
        CashFlowChart.Append(sb, [(doc.Name, RunColors[0], e.CumulativeCashFlow)], e.Currency);

        var districts = e.Districts.Where(d => d.Capex != 0 || d.NetPerYear != 0).OrderByDescending(d => d.Npv).ToList();
        if (districts.Count > 0)
        {
            sb.Append("<table><tr><th>District</th><th>Capital (M)</th><th>Net a year (M)</th><th>Simple payback</th><th>NPV (M)</th></tr>");
            foreach (var d in districts)
                sb.Append("<tr><td>").Append(E(d.NameEn)).Append("</td><td>").Append(Millions(d.Capex)).Append("</td><td>").Append(Millions(d.NetPerYear))
                  .Append("</td><td>").Append(Years(d.PaybackYears)).Append("</td><td>").Append(Millions(d.Npv)).Append("</td></tr>");
            sb.Append("</table><p class=\"meta\">Every dong's figures are in the economics CSV.</p>");
        }
    }

    public static string Assumptions(EconomicsResult e) => string.Create(CultureInfo.InvariantCulture,
        $"Tariff {N(e.TariffPerKwh)} {E(e.Currency)}/kWh, carbon {N(e.CarbonPricePerTonne)} {E(e.Currency)}/t CO2, discount rate {N(e.DiscountRatePercent)} % a year over {e.AppraisalYears} years; M = million {E(e.Currency)}.");

    /// <summary>How the run's savings became yearly ones, and the caveat that goes with it.</summary>
    public static string Annualisation(EconomicsResult e, double horizonHours) => string.Create(CultureInfo.InvariantCulture,
        $"Savings a year are the {N(horizonHours)}-hour run × {N(e.AnnualisationFactor)}: the run's weather and season stand for the whole year (a summer day overstates solar, a dry day hides drainage); travel time, air quality, health and flood damage are not priced.");

    private static string Range(Band b) => $"{Millions(b.Median)} [{Millions(b.Low)} – {Millions(b.High)}]";
}
