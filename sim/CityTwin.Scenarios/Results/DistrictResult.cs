namespace CityTwin.Scenarios.Results;

/// <summary>
/// The result of one district (gu) run: every dong of the gu, their sum, what each intervention
/// touched in this gu, the closure diversions and notes for the planner. Combine the districts with
/// <see cref="ScenarioCombiner"/>.
/// </summary>
public sealed record DistrictResult(
    string GuCode,
    DateTimeOffset Start,
    TimeSpan Step,
    int Steps,
    AreaResult District,
    IReadOnlyList<AreaResult> Dongs,
    IReadOnlyList<InterventionScope> Scopes,
    IReadOnlyList<RoadDiversion> Diversions,
    IReadOnlyList<string> Notes);
