namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// A comment on a published scenario, made by a signed-in user on behalf of a pentahelix group.
/// It is pending until a planner approves or rejects it; only approved comments are public.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioComment")]
public sealed record ScenarioComment
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string ScenarioId { get; init; }
    [Id(2)] public required string Author { get; init; }
    [Id(3)] public required string Group { get; init; }
    [Id(4)] public required string Text { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public required CommentStatus Status { get; init; }
    [Id(7)] public string? ModeratedBy { get; init; }
    [Id(8)] public DateTimeOffset? ModeratedAt { get; init; }
}
