namespace CityTwin.Abstractions.Stakeholders;

/// <summary>What became of a new comment: stored, or refused with how long to wait (rate) or because the scenario is full.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.CommentAddResult")]
public sealed record CommentAddResult
{
    [Id(0)] public ScenarioComment? Comment { get; init; }

    /// <summary>Set when the author reached <see cref="CommentLimits.PerAuthorPerWindow"/>: when the next one is accepted.</summary>
    [Id(1)] public TimeSpan? RetryAfter { get; init; }

    [Id(2)] public bool Full { get; init; }
}
