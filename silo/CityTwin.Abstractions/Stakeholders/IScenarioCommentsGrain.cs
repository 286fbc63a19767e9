namespace CityTwin.Abstractions.Stakeholders;

/// <summary>The durable comments on one scenario (key: the scenario id), in the order they were made.</summary>
[Alias("CityTwin.IScenarioCommentsGrain")]
public interface IScenarioCommentsGrain : IGrainWithStringKey
{
    [Alias("List")] Task<IReadOnlyList<ScenarioComment>> ListAsync();

    /// <summary>Stores a new pending comment unless its author is over the rate or the scenario is full.</summary>
    [Alias("Add")] Task<CommentAddResult> AddAsync(string author, string group, string text, DateTimeOffset now);

    /// <summary>Approves or rejects a comment (a decision can be changed); null when there is no such comment.</summary>
    [Alias("Moderate")] Task<ScenarioComment?> ModerateAsync(string commentId, CommentStatus status, string moderator, DateTimeOffset now);
}
