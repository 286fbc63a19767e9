using System.Globalization;
using System.Text;

namespace CityTwin.Web.History;

/// <summary>A history series as CSV: one row per step, per column its mean then <c>_min</c> and <c>_max</c>.</summary>
public static class HistoryCsv
{
    public static string Write(HistoryResponse series)
    {
        var sb = new StringBuilder("at");
        foreach (var c in series.Columns) sb.Append(',').Append(c.Name).Append(',').Append(c.Name).Append("_min,").Append(c.Name).Append("_max");
        sb.Append('\n');
        foreach (var p in series.Points)
        {
            sb.Append(p.At.ToString("O", CultureInfo.InvariantCulture));
            for (var c = 0; c < series.Columns.Count; c++)
                sb.Append(',').Append(Format(p.Mean[c])).Append(',').Append(Format(p.Min[c])).Append(',').Append(Format(p.Max[c]));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Format(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
