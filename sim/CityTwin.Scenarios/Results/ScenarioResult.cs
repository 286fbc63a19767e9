using CityTwin.Abstractions.Areas;

namespace CityTwin.Scenarios.Results;

/// <summary>
/// A whole scenario: the city, every gu and every dong, with what each intervention touched
/// citywide. <see cref="Complete"/> is false when some districts are missing (a partial combine).
/// </summary>
public sealed record ScenarioResult(
    string Name,
    DateTimeOffset Start,
    TimeSpan Step,
    int Steps,
    bool Complete,
    AreaResult City,
    IReadOnlyList<AreaResult> Districts,
    IReadOnlyList<AreaResult> Dongs,
    IReadOnlyList<InterventionScope> Scopes,
    IReadOnlyList<RoadDiversion> Diversions,
    IReadOnlyList<string> Notes)
{
    public AreaResult? Find(AreaLevel level, string code) => level switch
    {
        AreaLevel.City => City,
        AreaLevel.Gu => Districts.FirstOrDefault(d => d.Code == code),
        AreaLevel.Dong => Dongs.FirstOrDefault(d => d.Code == code),
        _ => null,
    };
}
