namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// One indicator in one area. <see cref="Value"/> is the mean over the trend (the last 24 simulated
/// hours the twin keeps; the latest instant before any history exists) and is what the score compares
/// with the target; <see cref="Latest"/> is the instant value. Null where the figure has no meaning.
/// </summary>
public sealed record PublicFigure(
    string Indicator,
    double? Value,
    double? Latest,
    double? Score,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicTrendPoint> Trend);
