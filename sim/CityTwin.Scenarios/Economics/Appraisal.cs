namespace CityTwin.Scenarios.Economics;

/// <summary>
/// Simple payback and net present value of spending <c>capex</c> now for a constant net yearly
/// saving (savings less operating cost) over <c>years</c> years, received at the end of each year.
/// </summary>
public static class Appraisal
{
    public const double HoursPerYear = 8760;

    /// <summary>How many runs of <paramref name="horizonHours"/> make a year: 365 for a 24-hour run.</summary>
    public static double AnnualisationFactor(double horizonHours) =>
        horizonHours > 0 ? HoursPerYear / horizonHours : throw new ArgumentOutOfRangeException(nameof(horizonHours), horizonHours, "the horizon must be positive");

    /// <summary>Capital cost ÷ net yearly saving; 0 when nothing is spent and something saved; null when the net saving is not positive (it never pays back).</summary>
    public static double? PaybackYears(double capex, double netPerYear) =>
        netPerYear > 0 ? Math.Max(0, capex) / netPerYear : null;

    /// <summary>−capex + Σ net ÷ (1 + r)^t for t = 1 … years.</summary>
    public static double Npv(double capex, double netPerYear, double discountRatePercent, int years)
    {
        var r = discountRatePercent / 100;
        // The annuity factor in closed form; at a zero rate it is the number of years.
        var annuity = r == 0 ? years : (1 - Math.Pow(1 + r, -years)) / r;
        return -capex + netPerYear * annuity;
    }

    /// <summary>The undiscounted position at the end of years 0 … <paramref name="years"/>: −capex, then one net saving more each year.</summary>
    public static double[] CumulativeCashFlow(double capex, double netPerYear, int years)
    {
        var flow = new double[years + 1];
        for (var t = 0; t <= years; t++) flow[t] = -capex + netPerYear * t;
        return flow;
    }
}
