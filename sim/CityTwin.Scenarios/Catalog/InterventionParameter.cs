namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// One parameter of an intervention type: its unit, default and valid range. <see cref="WholeNumber"/>
/// parameters (hours of the day, lanes) must be integers. <see cref="Source"/> says where the default
/// and the range come from: the tagged primary source ([KR], [INTL], [derived]) or [assumed] with the reason.
/// </summary>
public sealed record InterventionParameter(
    string Name,
    string Unit,
    double Default,
    double Min,
    double Max,
    string Description,
    string Source,
    bool WholeNumber = false);
