namespace CityTwin.Web.Indicators;

/// <summary>
/// How figures compare with their targets, the way performance reports score them:
/// <list type="bullet">
/// <item>Score of one indicator: value ÷ target when higher is better, target ÷ value when lower is
/// better, so 1.0 is on target, above 1 better than the target and below 1 short of it either way.
/// A lower-is-better figure of 0 (nothing left to cut) scores the cap.</item>
/// <item>Each score is capped at <see cref="ScoreCap"/> so that one indicator far beyond its target
/// cannot hide another one missing its own.</item>
/// <item>Index of an area: the plain mean of its indicators' scores (equal weights); an indicator
/// without a figure in that area (no station reporting) is left out of the mean.</item>
/// </list>
/// </summary>
public static class PerformanceIndex
{
    public const double ScoreCap = 2.0;

    public static double Score(double value, double target, IndicatorDirection better)
    {
        var ratio = better == IndicatorDirection.LowerIsBetter
            ? (value <= 0 ? ScoreCap : target / value)
            : (value <= 0 ? 0 : value / target);
        return Math.Round(Math.Clamp(ratio, 0, ScoreCap), 3);
    }

    /// <summary>Mean of the scores, or null when there is none.</summary>
    public static double? Of(IEnumerable<double> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 3);
    }
}
