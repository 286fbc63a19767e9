using CityTwin.Web.Live;

namespace CityTwin.Web.Api;

/// <summary>
/// Answer of <c>GET /api/city</c>: what the UI needs to show any city, from its pack (names per
/// language, IANA time zone, locale, attribution) and from the live twin (extent, clock, KPIs, counts).
/// </summary>
public sealed record CityResponse(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    string TimeZone,
    string Locale,
    double[] Bbox,
    double[] HomeBbox,
    double[] Center,
    ClockFrame Clock,
    IReadOnlyDictionary<string, double> Kpis,
    IReadOnlyDictionary<string, int> AssetCounts,
    int DistrictCount,
    int DongCount,
    IReadOnlyList<string> Attribution);
