using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Up to three completed runs side by side (<c>GET /api/scenarios/compare?ids=a,b,c</c>): each run's
/// assumptions and money, and every KPI's change in each run with its band when the run repeated over seeds.
/// </summary>
public sealed record ScenarioComparison(IReadOnlyList<ComparedRun> Runs, IReadOnlyList<ComparedKpi> Kpis)
{
    public const int MaxRuns = 3;

    /// <summary>Each stakeholder lens's score of each run and where the lenses disagree (filled by the endpoint).</summary>
    public Stakeholders.LensComparison? Lenses { get; init; }

    /// <summary>The approved stakeholder comments on the compared runs (filled by the endpoint).</summary>
    public IReadOnlyList<Stakeholders.CommentView>? Comments { get; init; }

    public static ScenarioComparison Of(IReadOnlyList<(ScenarioResultsDocument Results, ScenarioDefinition? Definition)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var runList = runs.Select(r => new ComparedRun(
            r.Results.Id,
            r.Results.Name,
            r.Results.Uncertainty?.Seeds ?? [r.Results.Seed],
            r.Results.Start,
            r.Results.Times.Count * r.Results.StepMinutes / 60,
            r.Results.StepMinutes,
            [.. (r.Definition?.Interventions ?? []).Select(i => i.Type)],
            r.Results.Economics is { } e ? new ComparedEconomics(e.Currency, e.TariffPerKwh, e.CarbonPricePerTonne, e.DiscountRatePercent, e.AppraisalYears,
                e.AnnualisationFactor, e.City, e.CumulativeCashFlow, r.Results.Uncertainty?.Economics) : null)).ToList();

        // KPIs in the first run's order, then any only later runs have.
        var ids = runs.SelectMany(r => r.Results.Kpis.Select(k => k.Id)).Distinct().ToList();
        var kpis = ids.Select(id =>
        {
            var info = runs.Select(r => r.Results.Kpis.FirstOrDefault(k => k.Id == id)).First(k => k is not null)!;
            return new ComparedKpi(id, info.Name, info.Unit, info.Better, [.. runs.Select(r =>
                r.Results.Kpis.FirstOrDefault(k => k.Id == id) is { } k
                    ? new ComparedValue(k.Baseline, k.Scenario, k.Delta, k.DeltaPercent, k.Outcome, r.Results.Uncertainty?.Kpis.FirstOrDefault(b => b.Id == id)?.Delta)
                    : null)]);
        }).ToList();
        return new ScenarioComparison(runList, kpis);
    }
}

/// <summary>One compared run: what it assumed and its city's money (null when it was not appraised).</summary>
public sealed record ComparedRun(
    string Id,
    string Name,
    IReadOnlyList<int> Seeds,
    DateTimeOffset Start,
    double HorizonHours,
    double StepMinutes,
    IReadOnlyList<string> Interventions,
    ComparedEconomics? Economics);

/// <summary>A run's city-wide costs and payback, its assumptions and, over several seeds, their band.</summary>
public sealed record ComparedEconomics(
    string Currency,
    double TariffPerKwh,
    double CarbonPricePerTonne,
    double DiscountRatePercent,
    int AppraisalYears,
    double AnnualisationFactor,
    AreaEconomics City,
    IReadOnlyList<double> CumulativeCashFlow,
    EconomicsBand? Band);

/// <summary>One KPI in every compared run (null where a run has no such KPI).</summary>
public sealed record ComparedKpi(string Id, string Name, string Unit, string Better, IReadOnlyList<ComparedValue?> Runs);

/// <summary>A KPI of one run: its totals, change, verdict and, over several seeds, the change's band.</summary>
public sealed record ComparedValue(double Baseline, double Scenario, double Delta, double? DeltaPercent, string Outcome, Band? DeltaBand);
