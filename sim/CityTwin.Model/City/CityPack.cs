using CityTwin.Model.Physics;

namespace CityTwin.Model.City;

/// <summary>
/// What a city pack's manifest (city.json) says about the city: its names, civil time, where the
/// sun is computed, its climate and its facts. Nothing city-specific lives in code; another city
/// is another pack.
/// </summary>
/// <param name="Id">Short id, also the city grain's key (e.g. the pack folder's name).</param>
/// <param name="Names">The city's name in each UI language (language code → name).</param>
/// <param name="TimeZoneId">IANA time zone, e.g. Pacific/Auckland.</param>
/// <param name="Locale">BCP 47 locale of the city, e.g. en-NZ.</param>
/// <param name="Location">Where the sun is computed.</param>
/// <param name="HomeMinDensityPerKm2">The map opens on the dongs at least this dense (where people live).</param>
/// <param name="Attribution">Data credits that must ship with the pack.</param>
/// <param name="Climate">Monthly climate and air normals.</param>
/// <param name="Facts">Fleet, grid and standards.</param>
/// <param name="Files">The data files of the pack.</param>
public sealed record CityPack(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    string TimeZoneId,
    string Locale,
    CityLocation Location,
    double HomeMinDensityPerKm2,
    IReadOnlyList<string> Attribution,
    ClimateNormals Climate,
    CityFacts Facts,
    CityPackFiles Files)
{
    /// <summary>
    /// Tariff, carbon price, discount rate and appraisal years for the scenarios' costs and payback;
    /// null when the manifest has no <c>economics</c> section (a run must then give all four).
    /// </summary>
    public CityEconomics? Economics { get; init; }

    /// <summary>The UI languages every pack names the city in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "id", "ko", "kk", "mn", "ru"];

    /// <summary>The city's civil clock (the time zone resolved once, when the pack is read).</summary>
    public CityClock Clock { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>The name in a language, else the English one.</summary>
    public string Name(string language) => Names.TryGetValue(language, out var name) ? name : Names["en"];
}
