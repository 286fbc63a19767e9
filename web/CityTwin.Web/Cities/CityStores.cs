using CityTwin.Model.City;

namespace CityTwin.Web.Cities;

/// <summary>
/// One embedded durable store per city: grain state (scenarios, tours, alarm acknowledgements,
/// clock, indicator targets) belongs to the city it was made in, and grain keys such as a dong code
/// or a scenario id mean nothing in another city. The city named by <c>City:Name</c> (Incheon as
/// shipped) keeps <c>citytwin.db</c>, so existing installations keep their data; any other city
/// gets <c>citytwin-{id}.db</c> in the same folder. Accounts, tokens and the audit log are one
/// store for all cities (<c>accounts.db</c>). An explicit <c>Orleans:StoreFile</c> wins.
/// </summary>
public static class CityStores
{
    public const string StoreFileKey = "Orleans:StoreFile";
    public const string DefaultFile = "citytwin.db";

    public static string FileFor(string cityId, string? configuredCityName) =>
        string.Equals(cityId, configuredCityName, StringComparison.Ordinal)
            ? DefaultFile
            : $"citytwin-{string.Concat(cityId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'))}.db";

    /// <summary>Points the embedded silo at the store of <paramref name="catalog"/>'s city.</summary>
    public static void Use(ConfigurationManager configuration, CityCatalog catalog)
    {
        if (!string.IsNullOrWhiteSpace(configuration[StoreFileKey])) return;
        configuration[StoreFileKey] = FileFor(catalog.Id, configuration["City:Name"] ?? new Hosting.CityOptions().Name);
    }
}
