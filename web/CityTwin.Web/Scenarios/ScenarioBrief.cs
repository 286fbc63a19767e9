using System.Globalization;
using System.Net;
using System.Text;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The one-page policy brief a planner takes to a meeting: a map of the change per district, the
/// KPI table, the assumptions (start, horizon, step, seed, conditions, interventions and what they
/// touched), the engine's notes and the date. Plain HTML and SVG so it prints as it shows.
/// </summary>
public static class ScenarioBrief
{
    private const double MapWidth = 520;
    private const double MapMaxHeight = 360;

    /// <param name="stakeholders">The run through every stakeholder lens, with its approved comments (left out when null).</param>
    public static string Html(ScenarioResultsDocument doc, ScenarioDefinition? definition, CityCatalog city, string? kpiId, ScenarioComparison? stakeholders = null)
    {
        var kpi = doc.Kpis.FirstOrDefault(k => k.Id == kpiId)
            ?? doc.Kpis.OrderByDescending(k => Math.Abs(k.DeltaPercent ?? 0)).FirstOrDefault();
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Policy brief: ").Append(E(doc.Name)).Append("</title><style>")
          .Append("@page{size:A4;margin:14mm}body{font:11px/1.4 system-ui,'Noto Sans CJK KR',sans-serif;color:#111;max-width:190mm;margin:auto}")
          .Append("h1{font-size:18px;margin:0}h2{font-size:13px;margin:12px 0 4px;border-bottom:1px solid #999}")
          .Append(".meta{color:#555}.cols{display:flex;gap:12px}table{border-collapse:collapse;width:100%}td,th{padding:2px 4px;border-bottom:1px solid #ddd;text-align:right}")
          .Append("td:first-child,th:first-child{text-align:left}.better{color:#0a7d32}.worse{color:#b3261e}.legend span{display:inline-block;width:14px;height:10px}")
          .Append("ul{margin:2px 0 2px 16px;padding:0}tr.band td{color:#555;font-style:italic}</style></head><body>");
        sb.Append("<h1>").Append(E(doc.Name)).Append("</h1><div class=\"meta\">CityTwin what-if scenario · ")
          .Append(E(city.NameEn)).Append(" · brief of ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
          .Append(" · ").Append(SeedText(doc)).Append(" · run ").Append(E(doc.Id)).Append("</div>");

        sb.Append("<div class=\"cols\"><div>");
        if (kpi is not null)
        {
            sb.Append("<h2>Change in ").Append(E(kpi.Name)).Append(" by district (").Append(E(kpi.Unit)).Append(")</h2>");
            AppendMap(sb, doc, city, kpi);
        }
        sb.Append("</div><div style=\"flex:1\"><h2>Assumptions</h2><ul>");
        sb.Append("<li>Start ").Append(E(CityTime(doc.Start, city.Pack)))
          .Append(", ").Append(N(doc.Times.Count * doc.StepMinutes / 60)).Append(" h in ").Append(N(doc.StepMinutes)).Append("-minute steps</li>");
        if (definition?.Conditions is { IsEmpty: false } c)
        {
            if (c.TemperatureOffsets is { Count: > 0 } t) sb.Append("<li>Temperature offset ").Append(N(t[0].OffsetC)).Append(" °C</li>");
            if (c.Heatwave is { } h) sb.Append("<li>Heatwave +").Append(N(h.PeakC)).Append(" °C from hour ").Append(N(h.StartHours)).Append(" for ").Append(N(h.DurationHours)).Append(" h</li>");
            if (c.HeavyRain is { } r) sb.Append("<li>Heavy rain ").Append(N(r.RainMmH)).Append(" mm/h from hour ").Append(N(r.StartHours)).Append(" for ").Append(N(r.DurationHours)).Append(" h</li>");
        }
        else sb.Append("<li>Weather: the seeded ").Append(E(city.NameEn)).Append(" climate, no imposed event</li>");
        var interventions = definition?.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            var iv = interventions[i];
            var type = InterventionCatalog.Default.Find(iv.Type);
            sb.Append("<li><b>").Append(E(type?.Name ?? iv.Type)).Append("</b> on ").Append(E(Target(iv.Target, city)));
            if (iv.Parameters is { Count: > 0 } p)
                sb.Append(" (").Append(E(string.Join(", ", p.Select(kv => $"{kv.Key} {N(kv.Value)} {type?.FindParameter(kv.Key)?.Unit}".Trim())))).Append(')');
            foreach (var scope in doc.Scopes.Where(s => s.Index == i))
                sb.Append(": ").Append(scope.Assets.ToString("N0", CultureInfo.InvariantCulture)).Append(" assets in ").Append(scope.Dongs).Append(" dongs, ")
                  .Append(N(scope.Quantity)).Append(' ').Append(E(scope.QuantityUnit));
            sb.Append("</li>");
        }
        if (interventions.Count == 0) sb.Append("<li>No intervention: conditions only</li>");
        sb.Append("</ul></div></div>");

        var bands = doc.Uncertainty;
        sb.Append("<h2>City KPIs over the horizon</h2>");
        if (bands is not null)
            sb.Append("<p class=\"meta uncertainty\">Repeated over ").Append(bands.Seeds.Count).Append(" seeds (").Append(E(SeedRange(bands.Seeds)))
              .Append("): the band column gives the change's median and its 90 % band (5th to 95th percentile over the seeds); the other columns are seed ")
              .Append(doc.Seed).Append("'s run.</p>");
        sb.Append("<table><tr><th>KPI</th><th>Baseline</th><th>Scenario</th><th>Change</th><th>%</th>");
        if (bands is not null) sb.Append("<th>Change: median [90 % band]</th>");
        sb.Append("<th>Unit</th><th>ISO theme</th></tr>");
        foreach (var k in doc.Kpis)
        {
            var css = k.Outcome is "better" or "worse" ? k.Outcome : "";
            sb.Append("<tr><td title=\"").Append(E(k.Definition)).Append("\">").Append(E(k.Name)).Append("</td><td>").Append(N(k.Baseline)).Append("</td><td>").Append(N(k.Scenario))
              .Append("</td><td class=\"").Append(css).Append("\">").Append(Signed(k.Delta)).Append("</td><td class=\"").Append(css).Append("\">")
              .Append(k.DeltaPercent is { } pc ? Signed(pc) : "–").Append("</td>");
            if (bands is not null)
                sb.Append("<td class=\"band\">").Append(bands.Kpis.FirstOrDefault(b => b.Id == k.Id) is { } b && (b.Delta.Low != 0 || b.Delta.High != 0)
                    ? $"{Signed(b.Delta.Median)} [{Signed(b.Delta.Low)} to {Signed(b.Delta.High)}]" : "0").Append("</td>");
            sb.Append("<td>").Append(E(k.Unit)).Append("</td><td>").Append(E(k.IsoTheme)).Append("</td></tr>");
        }
        sb.Append("</table>");
        EconomicsBrief.Append(sb, doc);
        if (stakeholders is not null) Stakeholders.StakeholderBrief.Append(sb, stakeholders);
        if (doc.Notes.Count > 0)
        {
            sb.Append("<h2>Notes</h2><ul>");
            foreach (var note in doc.Notes.Take(8)) sb.Append("<li>").Append(E(note)).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("<p class=\"meta\">Models, formulas and sources: docs/models.md. Same definition and seed give the same numbers.</p></body></html>");
        return sb.ToString();
    }

    private static void AppendMap(StringBuilder sb, ScenarioResultsDocument doc, CityCatalog city, KpiRow kpi)
    {
        var deltas = doc.Districts.ToDictionary(d => d.Code, d => d.Kpis.TryGetValue(kpi.Id, out var c) ? c.Delta : 0, StringComparer.Ordinal);
        var max = Math.Max(1e-12, deltas.Values.Select(Math.Abs).DefaultIfEmpty(0).Max());
        var bounds = MainlandBounds(city);
        var kx = Math.Cos(bounds.Centre.Y * Math.PI / 180);
        // Fit the page: the map may be limited by its width or, for a tall city, by its height.
        var scale = Math.Min(MapWidth / (bounds.Width * kx), MapMaxHeight / bounds.Height);
        var height = bounds.Height * scale;
        sb.Append(CultureInfo.InvariantCulture, $"<svg width=\"{MapWidth:0}\" height=\"{height:0}\" viewBox=\"0 0 {MapWidth:0} {height:0}\" style=\"overflow:hidden\" role=\"img\" aria-label=\"{E(kpi.Name)} change by district\">");
        foreach (var d in city.Districts)
        {
            var delta = deltas.GetValueOrDefault(d.Code);
            var good = kpi.Better == "lower" ? delta < 0 : delta > 0;
            var t = Math.Abs(delta) / max;
            var fill = delta == 0 ? "#e0e0e0" : Blend(good ? (10, 125, 50) : (179, 38, 30), t);
            var simplified = TopologyPreservingSimplifier.Simplify(d.Boundary, 0.0008);
            sb.Append("<path fill=\"").Append(fill).Append("\" stroke=\"#fff\" stroke-width=\"0.8\" d=\"");
            foreach (var polygon in Polygons(simplified))
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    var first = true;
                    foreach (var p in ring.Coordinates)
                    {
                        sb.Append(first ? 'M' : 'L').Append(((p.X - bounds.MinX) * kx * scale).ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                          .Append(((bounds.MaxY - p.Y) * scale).ToString("0.#", CultureInfo.InvariantCulture));
                        first = false;
                    }
                    sb.Append('Z');
                }
            sb.Append("\"><title>").Append(E($"{d.NameEn} {d.NameKo}: {Signed(delta)} {kpi.Unit}")).Append("</title></path>");
        }
        // The legend names the colours, then the largest change with its own sign and verdict: the
        // scale's bound alone ("worse, largest +10") read as a loss when every district improved.
        var largest = deltas.Values.OrderByDescending(Math.Abs).FirstOrDefault();
        var verdict = largest == 0 ? "unchanged" : (kpi.Better == "lower" ? largest < 0 : largest > 0) ? "better" : "worse";
        sb.Append("</svg><div class=\"legend\"><span style=\"background:").Append(Blend((10, 125, 50), 1)).Append("\"></span> better · ")
          .Append("<span style=\"background:#e0e0e0\"></span> unchanged · <span style=\"background:").Append(Blend((179, 38, 30), 1))
          .Append("\"></span> worse · largest change in one district: ").Append(Signed(largest)).Append(' ').Append(E(kpi.Unit))
          .Append(" (").Append(verdict).Append(")</div>");
    }

    /// <summary>
    /// Where the city's dongs are, without the far islands: the 5th–95th percentile of dong centres,
    /// widened a little. Drawn whole, a city with far islands would shrink to a corner.
    /// </summary>
    private static Envelope MainlandBounds(CityCatalog city)
    {
        var xs = city.Dongs.Select(d => d.Boundary.Centroid.X).Order().ToList();
        var ys = city.Dongs.Select(d => d.Boundary.Centroid.Y).Order().ToList();
        double At(List<double> v, double q) => v[(int)Math.Round(q * (v.Count - 1))];
        var e = new Envelope(At(xs, 0.05), At(xs, 0.95), At(ys, 0.05), At(ys, 0.95));
        e.ExpandBy(e.Width * 0.2, e.Height * 0.2);
        return e;
    }

    /// <summary>
    /// An instant on the city's civil clock with its UTC offset and zone, e.g.
    /// "2025-01-15 06:00 UTC+13:00 (Pacific/Auckland)": time-zone abbreviations are not available on
    /// every system, the offset is, and it also shows daylight saving.
    /// </summary>
    public static string CityTime(DateTimeOffset instant, CityPack city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var local = city.Clock.ToLocal(instant);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:yyyy-MM-dd HH:mm} UTC{sign}{offset.Duration():hh\\:mm} ({city.TimeZoneId})");
    }

    private static IEnumerable<Polygon> Polygons(Geometry g) => g switch
    {
        Polygon p => [p],
        MultiPolygon m => m.Geometries.OfType<Polygon>(),
        _ => [],
    };

    private static string Target(ScenarioTarget? target, CityCatalog city) => target?.Kind switch
    {
        ScenarioTargetKind.City => "the whole city",
        ScenarioTargetKind.Gu => city.FindDistrict(target.Code ?? "")?.NameEn ?? target.Code ?? "",
        ScenarioTargetKind.Dong => city.FindDong(target.Code ?? "")?.NameEn ?? target.Code ?? "",
        ScenarioTargetKind.Polygon => $"a drawn area ({target.Polygon?.Count ?? 0} vertices)",
        ScenarioTargetKind.Assets => $"{target.AssetIds?.Count ?? 0} chosen assets",
        _ => "–",
    };

    private static string Blend((int R, int G, int B) to, double t)
    {
        t = 0.25 + 0.75 * Math.Clamp(t, 0, 1);
        int Mix(int c) => (int)Math.Round(224 + (c - 224) * t);
        return $"#{Mix(to.R):x2}{Mix(to.G):x2}{Mix(to.B):x2}";
    }

    private static string E(string? s) => BriefFormat.E(s);

    private static string N(double v) => BriefFormat.N(v);

    private static string Signed(double v) => BriefFormat.Signed(v);

    /// <summary>"seed 11", or "seeds 11–30 (20 runs)" for a run repeated over seeds.</summary>
    internal static string SeedText(ScenarioResultsDocument doc) =>
        doc.Uncertainty is { Seeds.Count: > 1 } u ? $"seeds {SeedRange(u.Seeds)} ({u.Seeds.Count} runs)" : $"seed {doc.Seed}";

    private static string SeedRange(IReadOnlyList<int> seeds) => seeds.Count == 1 ? seeds[0].ToString(CultureInfo.InvariantCulture)
        : seeds.Zip(seeds.Skip(1)).All(p => p.Second == p.First + 1) ? $"{seeds[0]}–{seeds[^1]}" : string.Join(", ", seeds);
}
