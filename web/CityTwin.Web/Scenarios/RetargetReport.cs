using CityTwin.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// What a definition made in another city becomes in the running one (<c>POST /api/scenarios/retarget</c>):
/// the interventions that carry over, those left out and why, and the definition to run here.
/// </summary>
/// <param name="From">The city the definition was made in (as the file says).</param>
/// <param name="City">The running city.</param>
/// <param name="Kept">Interventions that carry over: position in the original, type, target kind.</param>
/// <param name="Dropped">Interventions left out: position, type and the reason (what the target names that this city lacks).</param>
/// <param name="Notes">Other changes, e.g. a fork of the live twin starts from this city's clock.</param>
/// <param name="Scenario">The definition to send to <c>POST /api/scenarios</c>: the original with the kept interventions only.</param>
public sealed record RetargetReport(
    string? From,
    string City,
    IReadOnlyList<KeptIntervention> Kept,
    IReadOnlyList<DroppedIntervention> Dropped,
    IReadOnlyList<string> Notes,
    ScenarioRequest Scenario);
