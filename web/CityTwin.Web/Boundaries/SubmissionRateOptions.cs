namespace CityTwin.Web.Boundaries;

/// <summary>A fixed window of <see cref="PermitLimit"/> submissions per client (user, else remote address).</summary>
public sealed record SubmissionRateOptions
{
    /// <summary>Submissions per window: a planner comparing variants by hand stays far below it.</summary>
    public int PermitLimit { get; init; } = 30;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
}
