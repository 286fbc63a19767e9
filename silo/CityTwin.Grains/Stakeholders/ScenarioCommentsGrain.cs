using CityTwin.Abstractions.Stakeholders;
using CityTwin.Abstractions.Storage;

namespace CityTwin.Grains.Stakeholders;

/// <summary>
/// The comments on one scenario, stored on every change. The per-author rate is counted here, from
/// the stored comments themselves, so it holds across web nodes and restarts.
/// </summary>
public sealed class ScenarioCommentsGrain(
    [PersistentState("comments", StorageNames.Durable)] IPersistentState<ScenarioCommentsState> stored)
    : Grain, IScenarioCommentsGrain
{
    public Task<IReadOnlyList<ScenarioComment>> ListAsync() => Task.FromResult<IReadOnlyList<ScenarioComment>>([.. stored.State.Comments]);

    public async Task<CommentAddResult> AddAsync(string author, string group, string text, DateTimeOffset now)
    {
        var comments = stored.State.Comments;
        if (comments.Count >= CommentLimits.MaxPerScenario) return new CommentAddResult { Full = true };
        var recent = comments.Where(c => c.Author == author && c.CreatedAt > now - CommentLimits.Window).Select(c => c.CreatedAt).ToList();
        if (recent.Count >= CommentLimits.PerAuthorPerWindow)
            return new CommentAddResult { RetryAfter = recent.Min() + CommentLimits.Window - now };
        var comment = new ScenarioComment
        {
            Id = $"c{++stored.State.LastNumber}",
            ScenarioId = this.GetPrimaryKeyString(),
            Author = author,
            Group = group,
            Text = text,
            CreatedAt = now,
            Status = CommentStatus.Pending,
        };
        comments.Add(comment);
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            comments.RemoveAt(comments.Count - 1);
            stored.State.LastNumber--;
            throw;
        }
        return new CommentAddResult { Comment = comment };
    }

    public async Task<ScenarioComment?> ModerateAsync(string commentId, CommentStatus status, string moderator, DateTimeOffset now)
    {
        var at = stored.State.Comments.FindIndex(c => c.Id == commentId);
        if (at < 0) return null;
        var previous = stored.State.Comments[at];
        var moderated = previous with { Status = status, ModeratedBy = moderator, ModeratedAt = now };
        stored.State.Comments[at] = moderated;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Comments[at] = previous;
            throw;
        }
        return moderated;
    }
}
