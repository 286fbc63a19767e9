namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// One indicator: the ISO indicator it reports (its name in the standard's English and, in
/// <see cref="Names"/>, in each UI language), what it means, where its data comes from
/// (<see cref="Synthetic"/>: computed from the simulation), its target and when the city set it
/// (null: the city pack's default, whose source is <see cref="TargetSource"/>).
/// </summary>
public sealed record PublicIndicatorInfo(
    string Id,
    string Standard,
    string Number,
    string Name,
    IReadOnlyDictionary<string, string> Names,
    string Definition,
    string Unit,
    string Better,
    bool Synthetic,
    string DataSource,
    double Target,
    string TargetSource,
    DateTimeOffset? TargetSetAt,
    double TargetMin,
    double TargetMax);
