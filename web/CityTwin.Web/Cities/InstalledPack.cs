namespace CityTwin.Web.Cities;

/// <summary>
/// A city pack this node can see (<c>GET /api/cities</c>).
/// </summary>
/// <param name="Id">The pack's id.</param>
/// <param name="Names">The city's name per UI language.</param>
/// <param name="Running">Whether this is the pack the live twin runs.</param>
/// <param name="Imported">Whether it was written by the import (in the packs folder).</param>
/// <param name="Borrowed">Manifest fields copied from a template pack (empty for a complete pack).</param>
/// <param name="BorrowedFrom">The template those fields come from, when any.</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="Center">Lon/lat the city's sun is computed for.</param>
/// <param name="RunWith">The setting that starts a process on this pack.</param>
public sealed record InstalledPack(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    bool Running,
    bool Imported,
    IReadOnlyList<string> Borrowed,
    string? BorrowedFrom,
    string TimeZone,
    double[] Center,
    string RunWith);
