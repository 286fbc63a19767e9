using System.Text.RegularExpressions;

namespace CityTwin.Web.Ngsi;

/// <summary>A parsed, checked entity query (<see cref="NgsiQueryParser"/>).</summary>
public sealed record NgsiQuery
{
    /// <summary>The types asked for; null: every type. Unknown names are kept out (they match nothing).</summary>
    public IReadOnlySet<NgsiType>? Types { get; init; }
    public IReadOnlySet<string>? Ids { get; init; }
    public Regex? IdPattern { get; init; }
    public IReadOnlyList<string>? Attrs { get; init; }
    public QExpression? Q { get; init; }
    public GeoQuery? Geo { get; init; }
    public int Limit { get; init; } = NgsiLd.DefaultLimit;
    public int Offset { get; init; }
    public bool Count { get; init; }
    public bool KeyValues { get; init; }

    public bool MatchesId(string id) =>
        (Ids is null || Ids.Contains(id)) && (IdPattern is null || SafeRegex.IsMatch(IdPattern, id));
}
