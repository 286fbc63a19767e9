using System.Globalization;
using System.Text;
using static CityTwin.Web.Scenarios.BriefFormat;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The cumulative cash flow of one to three runs as a small SVG line chart for the printed brief:
/// years on the x axis, millions of the currency on the y axis (both named), zero marked, where a
/// line crosses zero is its payback. The legend names each line in its own colour.
/// </summary>
internal static class CashFlowChart
{
    private const double Width = 520, Height = 170, Left = 64, Right = 10, Top = 10, Bottom = 34;

    public static void Append(StringBuilder sb, IReadOnlyList<(string Label, string Color, IReadOnlyList<double> Flow)> lines, string currency)
    {
        var drawn = lines.Where(l => l.Flow.Count > 1).ToList();
        if (drawn.Count == 0) return;
        var years = drawn.Max(l => l.Flow.Count - 1);
        var min = Math.Min(0, drawn.Min(l => l.Flow.Min()));
        var max = Math.Max(0, drawn.Max(l => l.Flow.Max()));
        if (max - min < 1) max = min + 1;
        double X(double year) => Left + year / years * (Width - Left - Right);
        double Y(double value) => Top + (max - value) / (max - min) * (Height - Top - Bottom);
        var inv = CultureInfo.InvariantCulture;
        var unit = $"million {currency}";
        sb.Append(inv, $"<svg width=\"{Width:0}\" height=\"{Height:0}\" viewBox=\"0 0 {Width:0} {Height:0}\" role=\"img\" aria-label=\"Cumulative cash flow, {E(unit)}, by year\" style=\"font:9px system-ui,sans-serif\">");
        // Axes, zero line and their titles: the chart names its units.
        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{Y(0):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(0):0.#}\" stroke=\"#444\" stroke-dasharray=\"3 2\"/>");
        foreach (var v in new[] { min, 0, max }.Distinct())
            sb.Append(inv, $"<text x=\"{Left - 4}\" y=\"{Y(v) + 3:0.#}\" text-anchor=\"end\">{Millions(v)}</text>");
        var tick = years <= 10 ? 1 : years <= 30 ? 5 : 10;
        for (var t = 0; t <= years; t += tick)
            sb.Append(inv, $"<text x=\"{X(t):0.#}\" y=\"{Height - Bottom + 11}\" text-anchor=\"middle\">{t}</text>");
        sb.Append(inv, $"<text x=\"{(Left + Width - Right) / 2:0}\" y=\"{Height - 4}\" text-anchor=\"middle\">years after the investment</text>");
        sb.Append(inv, $"<text transform=\"translate(10 {(Top + Height - Bottom) / 2:0}) rotate(-90)\" text-anchor=\"middle\">{E(unit)}</text>");
        foreach (var (label, color, flow) in drawn)
        {
            sb.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(color).Append("\" points=\"");
            for (var t = 0; t < flow.Count; t++) sb.Append(inv, $"{X(t):0.#},{Y(flow[t]):0.#} ");
            sb.Append("\"><title>").Append(E(label)).Append("</title></polyline>");
        }
        sb.Append("</svg><div class=\"legend\">");
        foreach (var (label, color, _) in drawn)
            sb.Append("<span style=\"background:").Append(color).Append("\"></span> ").Append(E(label)).Append(" &nbsp; ");
        sb.Append("<span style=\"background:#444;height:2px\"></span> zero: where a line crosses it, the run has paid back</div>");
    }
}
