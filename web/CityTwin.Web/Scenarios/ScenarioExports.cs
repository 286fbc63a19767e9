using System.Globalization;
using System.Text;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Web.Scenarios;

/// <summary>Downloads of a scenario's results: the city's KPI series as CSV, the district deltas as GeoJSON.</summary>
public static class ScenarioExports
{
    /// <summary>
    /// One row per step: time, then baseline and scenario of every KPI (units in the header); for a
    /// run over several seeds, also each one's 5th percentile, median and 95th percentile over the seeds.
    /// </summary>
    public static byte[] Csv(ScenarioResultsDocument doc)
    {
        var kpis = doc.Kpis.Where(k => doc.Series.ContainsKey(k.Id)).ToList();
        var bands = doc.Uncertainty?.Series;
        var sb = new StringBuilder();
        sb.Append("time_utc");
        foreach (var k in kpis)
        {
            var unit = doc.Series[k.Id].Unit;
            sb.Append(CultureInfo.InvariantCulture, $",{k.Id}_baseline [{unit}],{k.Id}_scenario [{unit}]");
            if (bands?.ContainsKey(k.Id) == true)
                foreach (var run in new[] { "baseline", "scenario" })
                    foreach (var q in new[] { "p5", "median", "p95" })
                        sb.Append(CultureInfo.InvariantCulture, $",{k.Id}_{run}_{q} [{unit}]");
        }
        sb.Append('\n');
        for (var t = 0; t < doc.Times.Count; t++)
        {
            sb.Append(doc.Times[t].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            foreach (var k in kpis)
            {
                var s = doc.Series[k.Id];
                sb.Append(',').Append(Num(s.Baseline[t])).Append(',').Append(Num(s.Scenario[t]));
                if (bands?.GetValueOrDefault(k.Id) is { } b)
                    foreach (var column in new[] { b.BaselineLow, b.BaselineMedian, b.BaselineHigh, b.ScenarioLow, b.ScenarioMedian, b.ScenarioHigh })
                        sb.Append(',').Append(t < column.Count ? Num(column[t]) : "");
            }
            sb.Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Costs and payback per area: the city, every gu, every dong (one row each), money in the run's
    /// currency; an empty payback means it never pays back. Null when the run has no costs.
    /// </summary>
    public static byte[]? EconomicsCsv(ScenarioResultsDocument doc)
    {
        if (doc.Economics is not { } e) return null;
        var sb = new StringBuilder();
        var c = e.Currency;
        sb.Append(CultureInfo.InvariantCulture,
            $"level,code,name_en,name_ko,capex [{c}],opex_per_year [{c}],energy_saved_per_year [MWh],co2_avoided_per_year [t],energy_savings_per_year [{c}],carbon_savings_per_year [{c}],net_per_year [{c}],payback [years],npv [{c}]\n");
        void Row(string level, AreaEconomics a) => sb.Append(level).Append(',').Append(Text(a.Code)).Append(',').Append(Text(a.NameEn)).Append(',').Append(Text(a.NameKo))
            .Append(',').Append(Num(a.Capex)).Append(',').Append(Num(a.OpexPerYear)).Append(',').Append(Num(a.EnergySavedMwhPerYear)).Append(',').Append(Num(a.Co2SavedTonnesPerYear))
            .Append(',').Append(Num(a.EnergySavingsPerYear)).Append(',').Append(Num(a.CarbonSavingsPerYear)).Append(',').Append(Num(a.NetPerYear))
            .Append(',').Append(a.PaybackYears is { } p ? Num(p) : "").Append(',').Append(Num(a.Npv)).Append('\n');
        Row("city", e.City);
        foreach (var d in e.Districts) Row("gu", d);
        foreach (var d in e.Dongs) Row("dong", d);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A CSV field: quoted when it holds a comma, a quote or a line break.</summary>
    internal static string Text(string? s)
    {
        s ??= "";
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
    }

    /// <summary>Each gu's boundary with <c>{kpi}_baseline</c>, <c>_scenario</c>, <c>_delta</c>, <c>_deltaPercent</c>.</summary>
    public static byte[] DistrictsGeoJson(ScenarioResultsDocument doc, CityCatalog city)
    {
        var features = new FeatureCollection();
        foreach (var row in doc.Districts)
        {
            if (city.FindDistrict(row.Code) is not { } gu) continue;
            var attributes = new AttributesTable
            {
                { "code", row.Code },
                { "nameEn", row.NameEn },
                { "nameKo", row.NameKo },
                { "scenario", doc.Name },
            };
            foreach (var (kpi, c) in row.Kpis)
            {
                attributes.Add($"{kpi}_baseline", c.Baseline);
                attributes.Add($"{kpi}_scenario", c.Scenario);
                attributes.Add($"{kpi}_delta", c.Delta);
                attributes.Add($"{kpi}_deltaPercent", c.DeltaPercent);
            }
            features.Add(new Feature(gu.Boundary, attributes));
        }
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(features, options);
    }

    internal static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
