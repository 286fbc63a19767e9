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
    /// <summary>One row per step: time, then baseline and scenario of every KPI (units in the header).</summary>
    public static byte[] Csv(ScenarioResultsDocument doc)
    {
        var kpis = doc.Kpis.Where(k => doc.Series.ContainsKey(k.Id)).ToList();
        var sb = new StringBuilder();
        sb.Append("time_utc");
        foreach (var k in kpis)
        {
            var unit = doc.Series[k.Id].Unit;
            sb.Append(CultureInfo.InvariantCulture, $",{k.Id}_baseline [{unit}],{k.Id}_scenario [{unit}]");
        }
        sb.Append('\n');
        for (var t = 0; t < doc.Times.Count; t++)
        {
            sb.Append(doc.Times[t].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            foreach (var k in kpis)
            {
                var s = doc.Series[k.Id];
                sb.Append(',').Append(Num(s.Baseline[t])).Append(',').Append(Num(s.Scenario[t]));
            }
            sb.Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
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

    private static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
