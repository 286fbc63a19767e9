namespace CityTwin.Web.Cities;

/// <summary>The city an admin switched the twin to, as remembered in <see cref="ActiveCityFile"/>.</summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Directory">The pack's folder, as found when it was chosen.</param>
/// <param name="ChosenBy">Who switched.</param>
/// <param name="ChosenAtUtc">When.</param>
public sealed record ActiveCityChoice(string Id, string Directory, string ChosenBy, DateTimeOffset ChosenAtUtc);
