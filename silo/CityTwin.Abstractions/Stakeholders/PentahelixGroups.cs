namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// The five groups of pentahelix collaboration the training programme teaches: each reads a
/// scenario through its own priorities, and a comment is made on behalf of one of them.
/// </summary>
public static class PentahelixGroups
{
    public const string Government = "government";
    public const string Business = "business";
    public const string Academia = "academia";
    public const string Community = "community";
    public const string Media = "media";

    public static readonly IReadOnlyList<string> All = [Government, Business, Academia, Community, Media];

    public static bool IsGroup(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);
}
