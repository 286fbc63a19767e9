using System.Globalization;
using System.Text;
using CityTwin.Abstractions.Scenarios.Results;
using static CityTwin.Web.Scenarios.ScenarioExports;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Up to three runs side by side as one CSV in long form: a row per run and item (every KPI, then the
/// city's money), with the run's value, its change and, over several seeds, the change's 5th percentile,
/// median and 95th percentile. Long form so a spreadsheet pivots it whichever way a meeting needs.
/// </summary>
public static class ScenarioCompareExports
{
    public static byte[] Csv(ScenarioComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sb = new StringBuilder("run_id,run_name,item,unit,baseline,scenario,delta,delta_percent,p5,median,p95\n");
        for (var i = 0; i < comparison.Runs.Count; i++)
        {
            var run = comparison.Runs[i];
            string Head(string item, string unit) => $"{Text(run.Id)},{Text(run.Name)},{Text(item)},{Text(unit)}";
            foreach (var k in comparison.Kpis)
            {
                if (k.Runs[i] is not { } v) continue;
                sb.Append(Head(k.Id, k.Unit)).Append(',').Append(Num(v.Baseline)).Append(',').Append(Num(v.Scenario)).Append(',').Append(Num(v.Delta))
                  .Append(',').Append(v.DeltaPercent is { } p ? Num(p) : "").Append(Band(v.DeltaBand)).Append('\n');
            }
            // Each stakeholder lens's score of the run (weighted mean improvement, %) in the delta column.
            foreach (var lens in comparison.Lenses?.Lenses ?? [])
                sb.Append(Head($"lens:{lens.Id}", "score %")).Append(",,,").Append(Num(lens.Runs[i].Score)).Append(",,,,\n");
            if (run.Economics is not { } e) continue;
            var c = e.City;
            void Money(string item, string unit, double? value, Band? band) =>
                sb.Append(Head(item, unit)).Append(",,").Append(value is { } x ? Num(x) : "").Append(",,").Append(Band(band)).Append('\n');
            Money("capex", e.Currency, c.Capex, null);
            Money("opex_per_year", e.Currency, c.OpexPerYear, null);
            Money("savings_per_year", e.Currency, c.EnergySavingsPerYear + c.CarbonSavingsPerYear, e.Band?.SavingsPerYear);
            Money("net_per_year", e.Currency, c.NetPerYear, e.Band?.NetPerYear);
            Money("npv", e.Currency, c.Npv, e.Band?.Npv);
            sb.Append(Head("payback", "years")).Append(",,").Append(c.PaybackYears is { } pb ? Num(pb) : "").Append(",,")
              .Append(e.Band is { } b ? $",{Opt(b.PaybackYears.Low)},{Opt(b.PaybackYears.Median)},{Opt(b.PaybackYears.High)}" : ",,,").Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Band(Band? b) => b is null ? ",,," : string.Create(CultureInfo.InvariantCulture, $",{Num(b.Low)},{Num(b.Median)},{Num(b.High)}");

    private static string Opt(double? v) => v is { } x ? Num(x) : "";
}
