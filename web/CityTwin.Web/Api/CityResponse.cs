using CityTwin.Web.Live;

namespace CityTwin.Web.Api;

/// <summary>Answer of <c>GET /api/city</c>.</summary>
public sealed record CityResponse(
    string Id, string NameEn, string NameKo, double[] Bbox, double[] HomeBbox, double[] Center, ClockFrame Clock,
    IReadOnlyDictionary<string, double> Kpis, IReadOnlyDictionary<string, int> AssetCounts,
    int DistrictCount, int DongCount, IReadOnlyList<string> Attribution);
