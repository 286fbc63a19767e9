namespace CityTwin.Web.Live;

/// <summary>
/// <c>GET /api/live/assets</c>: <c>ids[i]</c> and <c>kindOf[i]</c> (an index into <c>kinds</c>) describe
/// asset index <c>i</c> of compact frames; <c>statuses[b]</c> names status byte <c>b</c>.
/// </summary>
public sealed record AssetDirectoryResponse(
    string City,
    uint Version,
    int Count,
    IReadOnlyList<AssetDirectoryKind> Kinds,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<int> KindOf,
    IReadOnlyList<string> Ids);
