using CityTwin.Abstractions.Stakeholders;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Web.Scenarios;
using CityTwin.Web.Security;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Adds the stakeholder view to a comparison of runs: every chosen lens's score of each run, where
/// the lenses disagree, and the approved comments on the runs (the only ones ever shown in public).
/// </summary>
public static class StakeholderComparison
{
    /// <summary>
    /// The comparison with its lenses and approved comments, or the message (for the field
    /// <c>lenses</c>) of why the chosen lenses are not acceptable. No choice means every lens.
    /// </summary>
    public static async Task<(ScenarioComparison? Comparison, string? Error)> AddAsync(
        ScenarioComparison comparison, string? lensIds, LensCatalog catalog, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(catalog);
        var all = await (await catalog.GrainAsync()).ListAsync();
        var (chosen, error) = Choose(all, lensIds);
        if (chosen is null) return (null, error);
        var comments = new List<CommentView>();
        foreach (var run in comparison.Runs) comments.AddRange(await CommentEndpoints.ApprovedAsync(grains, run.Id));
        return (comparison with { Lenses = LensScorer.Score(comparison, chosen), Comments = comments }, null);
    }

    /// <summary>
    /// One run through every lens with its approved comments, for its own brief; null when the
    /// caller may not read it or it has no results (the brief then answers why).
    /// </summary>
    public static async Task<ScenarioComparison?> ForRunAsync(string id, HttpContext http, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(grains);
        var grain = grains.GetGrain<IScenarioGrain>(id);
        if (await grain.GetSummaryAsync() is not { } summary || !(summary.Published || Policies.CanPlan(http.User))
            || await grain.GetResultsAsync() is not { } results)
            return null;
        var one = ScenarioComparison.Of([(results, await grain.GetDefinitionAsync())]);
        return (await AddAsync(one, null, http.RequestServices.GetRequiredService<LensCatalog>(), grains)).Comparison;
    }

    /// <summary>The lenses named in a comma-separated list, in the catalogue's order; every lens when none is named.</summary>
    public static (IReadOnlyList<Lens>? Lenses, string? Error) Choose(IReadOnlyList<Lens> all, string? lensIds)
    {
        ArgumentNullException.ThrowIfNull(all);
        var ids = (lensIds ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0) return (all, null);
        if (ids.Length > LensLimits.MaxLenses) return (null, $"{ids.Length} lenses; at most {LensLimits.MaxLenses}");
        if (ids.FirstOrDefault(id => all.All(l => l.Id != id)) is { } unknown)
            return (null, $"No lens '{(unknown.Length > 40 ? unknown[..40] + "…" : unknown)}'; GET /api/lenses lists them");
        return ([.. all.Where(l => ids.Contains(l.Id, StringComparer.Ordinal))], null);
    }
}
