using System.Globalization;
using System.Text;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Web.Scenarios;
using static CityTwin.Web.Scenarios.BriefFormat;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// The stakeholder part of a printed brief: each lens's score of each run as a table and as bars,
/// the red lines crossed, where the lenses disagree, and the approved comments grouped by pentahelix group.
/// </summary>
internal static class StakeholderBrief
{
    private const double BarWidth = 150;

    public static void Append(StringBuilder sb, ScenarioComparison comparison)
    {
        var runs = comparison.Runs;
        if (comparison.Lenses is { Lenses.Count: > 0 } lenses)
        {
            var inv = CultureInfo.InvariantCulture;
            // One scale for every bar, so bars compare across lenses; at least ±1 % so noise stays small.
            var scale = Math.Max(1, lenses.Lenses.SelectMany(l => l.Runs).Select(s => Math.Abs(s.Score)).DefaultIfEmpty(0).Max());
            sb.Append("<h2>Stakeholder lenses: score of each run</h2><p class=\"meta\">Score = weighted mean improvement in % as the lens weighs its KPIs ")
              .Append("(positive: better for that group; bars share one scale, ±").Append(N(scale)).Append(" %). ").Append(E(lenses.Formula)).Append(".</p>");
            sb.Append("<table class=\"lenses\"><tr><th>Lens</th>");
            for (var i = 0; i < runs.Count; i++)
                sb.Append("<th><span class=\"swatch\" style=\"background:").Append(RunColors[i]).Append("\"></span> ").Append(E(runs[i].Name)).Append("</th>");
            sb.Append("</tr>");
            foreach (var lens in lenses.Lenses)
            {
                sb.Append("<tr data-lens=\"").Append(E(lens.Id)).Append("\"><td>").Append(E(lens.Name.GetValueOrDefault(LensLimits.RequiredLanguage, lens.Id)));
                // The group only when the name does not already say it ("Port operators (business)").
                if (lens.Group is { } g && !string.Equals(g, lens.Name.GetValueOrDefault(LensLimits.RequiredLanguage), StringComparison.OrdinalIgnoreCase))
                    sb.Append(" <span class=\"band\">(").Append(E(g)).Append(")</span>");
                sb.Append("</td>");
                for (var i = 0; i < lens.Runs.Count; i++)
                {
                    var s = lens.Runs[i];
                    var width = Math.Abs(s.Score) / scale * BarWidth / 2;
                    var x = s.Score >= 0 ? BarWidth / 2 : BarWidth / 2 - width;
                    sb.Append("<td class=\"lens-score ").Append(s.Score > LensScorer.NoisePercent ? "better" : s.Score < -LensScorer.NoisePercent ? "worse" : "")
                      .Append("\" data-run=\"").Append(E(s.RunId)).Append("\">")
                      .Append(inv, $"<svg width=\"{BarWidth:0}\" height=\"10\" role=\"img\" aria-label=\"score {Signed(s.Score)} %\"><line x1=\"{BarWidth / 2:0}\" y1=\"0\" x2=\"{BarWidth / 2:0}\" y2=\"10\" stroke=\"#888\"/>")
                      .Append(inv, $"<rect x=\"{x:0.#}\" y=\"1\" width=\"{width:0.#}\" height=\"8\" fill=\"{RunColors[i]}\"/></svg> ")
                      .Append("<b>").Append(Signed(s.Score)).Append(" %</b> #").Append(s.Rank);
                    if (s.Breaches.Count > 0)
                        sb.Append("<div class=\"worse band\">red line crossed: ").Append(E(string.Join(", ", s.Breaches.Select(k => KpiName(comparison, k))))).Append("</div>");
                    sb.Append("</td>");
                }
                sb.Append("</tr>");
            }
            sb.Append("</table>");
            sb.Append("<h3 style=\"font-size:12px;margin:8px 0 2px\">Where the lenses disagree</h3>");
            if (lenses.Disagreements.Count == 0) sb.Append("<p class=\"meta\">They agree: the same first choice, no run better for some and worse for others, no heavily weighted KPI worsening.</p>");
            else
            {
                sb.Append("<ul class=\"disagreements\">");
                foreach (var d in lenses.Disagreements) sb.Append("<li data-kind=\"").Append(E(d.Kind)).Append("\">").Append(E(d.Text)).Append("</li>");
                sb.Append("</ul>");
            }
        }

        if (comparison.Comments is { } comments)
        {
            sb.Append("<h2>Stakeholder comments (approved)</h2>");
            if (comments.Count == 0) sb.Append("<p class=\"meta\">No approved comment on these runs.</p>");
            foreach (var group in PentahelixGroups.All)
            {
                var of = comments.Where(c => c.Group == group).ToList();
                if (of.Count == 0) continue;
                sb.Append("<h3 style=\"font-size:12px;margin:6px 0 2px\" data-group=\"").Append(group).Append("\">").Append(E(Capitalised(group))).Append("</h3><ul class=\"comments\">");
                foreach (var c in of)
                {
                    var run = runs.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Id == c.ScenarioId);
                    sb.Append("<li data-comment=\"").Append(E(c.Id)).Append("\">");
                    if (runs.Count > 1 && run.r is not null)
                        sb.Append("<span class=\"swatch\" style=\"background:").Append(RunColors[run.i]).Append("\"></span> <i>").Append(E(run.r.Name)).Append("</i>: ");
                    sb.Append(E(c.Text)).Append(" <span class=\"band\">(").Append(c.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(")</span></li>");
                }
                sb.Append("</ul>");
            }
        }
    }

    private static string KpiName(ScenarioComparison comparison, string id) => comparison.Kpis.FirstOrDefault(k => k.Id == id)?.Name ?? id;

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
