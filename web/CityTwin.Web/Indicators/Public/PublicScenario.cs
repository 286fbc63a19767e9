namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// A scenario a planner published: what it assumed, its main results and the policy brief. Who ran
/// or published it is not shown (account names are not public).
/// </summary>
public sealed record PublicScenario(
    string Id,
    string Name,
    string? Description,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? CompletedAt,
    string StartKind,
    DateTimeOffset? StartsAt,
    double HorizonHours,
    double StepMinutes,
    int Seed,
    IReadOnlyList<PublicAssumption> Conditions,
    IReadOnlyList<PublicAssumption> Interventions,
    IReadOnlyList<PublicScenarioResult> Highlights,
    string BriefUrl);
