using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>A scenario as the API shows it (status in lower case, progress 0–1).</summary>
public sealed record ScenarioView(
    string Id,
    string Name,
    string Status,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    double HorizonHours,
    double StepMinutes,
    string? Owner,
    bool Published,
    DateTimeOffset? PublishedAt,
    string? PublishedBy)
{
    /// <summary>The definition the engine runs (only in the answer for one scenario).</summary>
    public ScenarioDefinition? Definition { get; init; }

    /// <summary>While queued, the run's place in the silo's queue (1: next to start); null otherwise.</summary>
    public int? QueuePosition { get; init; }

    public static ScenarioView Of(ScenarioSummary s) => new(
        s.Id, s.Name, s.Status.ToString().ToLowerInvariant(), Math.Round(s.Progress, 4), s.CreatedAt, s.StartedAt, s.CompletedAt, s.Error, s.HorizonHours, s.StepMinutes,
        s.Owner, s.Published, s.PublishedAt, s.PublishedBy)
    {
        QueuePosition = s.Status == ScenarioStatus.Queued ? s.QueuePosition : null,
    };
}
