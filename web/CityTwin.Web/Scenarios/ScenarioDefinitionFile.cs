namespace CityTwin.Web.Scenarios;

/// <summary>
/// A scenario definition as a file a planner takes from one city to another: the request a
/// planner would send to <c>POST /api/scenarios</c>, and the city it was made in.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="City">The id of the city the definition was made in.</param>
/// <param name="Scenario">The definition, in the shape <c>POST /api/scenarios</c> takes.</param>
public sealed record ScenarioDefinitionFile(string? Format, string? City, ScenarioRequest? Scenario)
{
    public const string FormatName = "citytwin-scenario/1";
}
