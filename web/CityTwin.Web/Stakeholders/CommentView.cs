using CityTwin.Abstractions.Stakeholders;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// A comment as the API shows it. The public sees the group, text and date of approved comments;
/// who wrote it and who moderated it are for planners and the author (<see cref="Mine"/>), since a
/// comment speaks for a group, not for a person, in public.
/// </summary>
public sealed record CommentView(
    string Id,
    string ScenarioId,
    string Group,
    string Text,
    DateTimeOffset CreatedAt,
    string Status,
    string? Author,
    string? ModeratedBy,
    DateTimeOffset? ModeratedAt,
    bool Mine)
{
    public static CommentView Of(ScenarioComment c, bool full, bool mine) => new(
        c.Id, c.ScenarioId, c.Group, c.Text, c.CreatedAt, c.Status.ToString().ToLowerInvariant(),
        full || mine ? c.Author : null, full ? c.ModeratedBy : null, full || mine ? c.ModeratedAt : null, mine);
}
