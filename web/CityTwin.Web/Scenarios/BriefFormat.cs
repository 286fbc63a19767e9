using System.Globalization;
using System.Net;

namespace CityTwin.Web.Scenarios;

/// <summary>Number and text formats the printed briefs share (invariant culture: a brief reads the same everywhere).</summary>
internal static class BriefFormat
{
    /// <summary>Colours of the compared runs, as in the planner (run 1, 2, 3).</summary>
    public static readonly string[] RunColors = ["#1f77b4", "#e07b00", "#8e44ad"];

    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string N(double v) => Math.Abs(v) >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Signed(double v) => (v > 0 ? "+" : "") + N(v);

    /// <summary>An amount in millions of the currency, one decimal: "−1,234.5".</summary>
    public static string Millions(double amount) => (amount / 1e6).ToString("N1", CultureInfo.InvariantCulture);

    public static string Years(double? years) => years is { } y ? y.ToString(y < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " years" : "never";
}
