using System.Globalization;
using System.Text;
using CityTwin.Model.City;
using static CityTwin.Web.Scenarios.BriefFormat;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The printable brief of up to three runs side by side: who is who (each run's colour, start,
/// horizon, seeds and interventions), every KPI's change in each run with its band, the money of
/// each run and their cumulative cash flows in one chart.
/// </summary>
public static class ScenarioCompareBrief
{
    public static string Html(ScenarioComparison comparison, CityCatalog city)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(city);
        var runs = comparison.Runs;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Policy brief: ")
          .Append(E(string.Join(" · ", runs.Select(r => r.Name)))).Append("</title><style>")
          .Append("@page{size:A4;margin:14mm}body{font:11px/1.4 system-ui,'Noto Sans CJK KR',sans-serif;color:#111;max-width:190mm;margin:auto}")
          .Append("h1{font-size:18px;margin:0}h2{font-size:13px;margin:12px 0 4px;border-bottom:1px solid #999}.meta{color:#555}")
          .Append("table{border-collapse:collapse;width:100%}td,th{padding:2px 4px;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}")
          .Append("td:first-child,th:first-child{text-align:left}.better{color:#0a7d32}.worse{color:#b3261e}.band{color:#555;font-size:10px}")
          .Append(".legend span,.swatch{display:inline-block;width:14px;height:10px}ul{margin:2px 0 2px 16px;padding:0}</style></head><body>");
        sb.Append("<h1>").Append(runs.Count).Append(" scenarios compared</h1><div class=\"meta\">CityTwin what-if scenarios · ").Append(E(city.NameEn))
          .Append(" · brief of ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</div>");

        sb.Append("<h2>Runs</h2><ul class=\"runs\">");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            sb.Append("<li data-run=\"").Append(E(r.Id)).Append("\"><span class=\"swatch\" style=\"background:").Append(RunColors[i]).Append("\"></span> <b>")
              .Append(E(r.Name)).Append("</b> — start ").Append(E(ScenarioBrief.CityTime(r.Start, city.Pack))).Append(", ").Append(N(r.HorizonHours)).Append(" h in ")
              .Append(N(r.StepMinutes)).Append("-minute steps, ").Append(r.Seeds.Count > 1 ? $"{r.Seeds.Count} seeds from {r.Seeds[0]}" : $"seed {r.Seeds[0]}")
              .Append("; ").Append(E(r.Interventions.Count == 0 ? "no intervention" : string.Join(", ", r.Interventions))).Append(" · run ").Append(E(r.Id)).Append("</li>");
        }
        sb.Append("</ul>");
        if (runs.Any(r => r.Seeds.Count > 1))
            sb.Append("<p class=\"meta\">For a run over several seeds the change is followed by its median and 90 % band [5th to 95th percentile over the seeds].</p>");

        sb.Append("<h2>City KPIs over the horizon: change against each run's baseline</h2><table><tr><th>KPI</th><th>Unit</th>");
        for (var i = 0; i < runs.Count; i++)
            sb.Append("<th><span class=\"swatch\" style=\"background:").Append(RunColors[i]).Append("\"></span> ").Append(E(runs[i].Name)).Append("</th>");
        sb.Append("</tr>");
        foreach (var k in comparison.Kpis)
        {
            sb.Append("<tr data-kpi=\"").Append(E(k.Id)).Append("\"><td>").Append(E(k.Name)).Append("</td><td>").Append(E(k.Unit)).Append("</td>");
            foreach (var v in k.Runs)
            {
                if (v is null)
                {
                    sb.Append("<td>–</td>");
                    continue;
                }
                var css = v.Outcome is "better" or "worse" ? v.Outcome : "";
                sb.Append("<td class=\"").Append(css).Append("\">").Append(Signed(v.Delta));
                if (v.DeltaPercent is { } pc) sb.Append(" (").Append(Signed(pc)).Append(" %)");
                // A band of nothing (a KPI no seed moves) is left out: it would only be noise on the page.
                if (v.DeltaBand is { } b && (b.Low != 0 || b.High != 0)) sb.Append("<div class=\"band\">").Append(Signed(b.Median)).Append(" [").Append(Signed(b.Low)).Append(" to ").Append(Signed(b.High)).Append("]</div>");
                sb.Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</table>");

        var appraised = runs.Select((r, i) => (Run: r, Index: i)).Where(x => x.Run.Economics is not null).ToList();
        sb.Append("<h2>Costs and payback</h2>");
        if (appraised.Count == 0) sb.Append("<p class=\"meta\">None of these runs was appraised.</p>");
        else
        {
            var currency = appraised[0].Run.Economics!.Currency;
            sb.Append("<table class=\"money\"><tr><th>Run</th><th>Capital (M)</th><th>Operating a year (M)</th><th>Savings a year (M)</th><th>Net a year (M)</th><th>Simple payback</th><th>NPV (M)</th><th>Assumptions</th></tr>");
            foreach (var (r, i) in appraised)
            {
                var e = r.Economics!;
                var c = e.City;
                sb.Append("<tr data-run=\"").Append(E(r.Id)).Append("\"><td><span class=\"swatch\" style=\"background:").Append(RunColors[i]).Append("\"></span> ").Append(E(r.Name))
                  .Append("</td><td>").Append(Millions(c.Capex)).Append("</td><td>").Append(Millions(c.OpexPerYear)).Append("</td><td>").Append(Millions(c.EnergySavingsPerYear + c.CarbonSavingsPerYear))
                  .Append("</td><td>").Append(Millions(c.NetPerYear));
                if (e.Band is { } b) sb.Append("<div class=\"band\">[").Append(Millions(b.NetPerYear.Low)).Append(" to ").Append(Millions(b.NetPerYear.High)).Append("]</div>");
                sb.Append("</td><td class=\"payback\">").Append(Years(c.PaybackYears));
                if (e.Band is { } bp) sb.Append("<div class=\"band\">[").Append(Years(bp.PaybackYears.Low)).Append(" to ").Append(Years(bp.PaybackYears.High)).Append("]</div>");
                sb.Append("</td><td class=\"npv\">").Append(Millions(c.Npv));
                if (e.Band is { } bn) sb.Append("<div class=\"band\">[").Append(Millions(bn.Npv.Low)).Append(" to ").Append(Millions(bn.Npv.High)).Append("]</div>");
                sb.Append("</td><td class=\"band\">").Append(N(e.TariffPerKwh)).Append("/kWh, ").Append(N(e.CarbonPricePerTonne)).Append("/t, ")
                  .Append(N(e.DiscountRatePercent)).Append(" %, ").Append(e.AppraisalYears).Append(" y, ×").Append(N(e.AnnualisationFactor)).Append("</td></tr>");
            }
            sb.Append("</table><p class=\"meta\">M = million ").Append(E(currency)).Append(". Savings a year are each run's horizon × the factor after ×: its weather and season stand for the whole year; travel time, air quality, health and flood damage are not priced.</p>");
            CashFlowChart.Append(sb, [.. appraised.Select(x => (x.Run.Name, RunColors[x.Index], x.Run.Economics!.CumulativeCashFlow))], currency);
        }
        Stakeholders.StakeholderBrief.Append(sb, comparison);
        sb.Append("<p class=\"meta\">Models, formulas and sources: docs/models.md. Same definition and seeds give the same numbers.</p></body></html>");
        return sb.ToString();
    }
}
