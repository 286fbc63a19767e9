namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// Bounds of comments. The per-author window keeps one account from flooding a scenario (and the
/// moderators' queue); it is kept by the scenario's comment grain, so it holds across web nodes.
/// </summary>
public static class CommentLimits
{
    public const int MaxTextLength = 1_000;

    /// <summary>Comments one author may leave on one scenario within <see cref="Window"/>.</summary>
    public const int PerAuthorPerWindow = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Comments a scenario holds in all (pending, approved and rejected).</summary>
    public const int MaxPerScenario = 500;
}
