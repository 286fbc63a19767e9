namespace CityTwin.Web.Indicators;

/// <summary>
/// One public indicator as the city pack defines it (indicators.json): the ISO indicator it
/// reports, how the twin computes it, where its data comes from and the default target.
/// </summary>
public sealed record IndicatorDefinition(
    string Id,
    IndicatorMeasure Measure,
    string Standard,
    string Number,
    string Name,
    IReadOnlyDictionary<string, string> Names,
    string Definition,
    string Unit,
    IndicatorDirection Better,
    bool Synthetic,
    string DataSource,
    double DefaultTarget,
    string DefaultTargetSource,
    double MinTarget,
    double MaxTarget);
