using System.Globalization;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Web.Scenarios;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Scores compared runs through stakeholder lenses. For a lens and a run, each KPI the lens weighs
/// (weight w &gt; 0) gets an improvement in percent as the lens sees it:
/// <c>i = clamp(s × Δ ÷ |baseline| × 100, −100, 100)</c>, s = +1 when the lens wants the KPI higher
/// and −1 when lower (a KPI with a zero baseline counts ±100 when it moves, 0 when not). The score is
/// the weighted mean <c>Σ w·i ÷ Σ w</c>: 0 is "no change", +5 "5 % better on average as this group
/// weighs it". A KPI whose worsening passes the lens's red line (i &lt; −redLinePercent) is a breach,
/// flagged whatever the score. The clamp keeps one KPI with a tiny baseline from deciding alone.
/// </summary>
public static class LensScorer
{
    public const string Formula =
        "score = Σ weight × improvement ÷ Σ weight; improvement = ±Δ ÷ |baseline| × 100 in the lens's better direction, clamped to ±100 % " +
        "(±100 when the baseline is 0 and the KPI moves); a red line is crossed when a KPI worsens by more than its red-line percent";

    /// <summary>Changes below this (percent) are float noise, not policy: they neither disagree nor go the wrong way.</summary>
    public const double NoisePercent = 1e-6;

    /// <summary>A KPI weighs "heavily" in a lens when its weight is at least this share of the lens's largest weight.</summary>
    public const double HeavyShare = 0.5;

    public static LensComparison Score(ScenarioComparison comparison, IReadOnlyList<Lens> lenses)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(lenses);
        var runs = comparison.Runs;
        var scored = lenses.Select(lens =>
        {
            var perRun = runs.Select((run, r) => ScoreRun(lens, comparison, r)).ToList();
            var ranked = perRun.Select((s, r) => s with { Rank = 1 + perRun.Count(o => o.Score > s.Score) }).ToList();
            return new LensScores(lens.Id, lens.Name, lens.Group, ranked);
        }).ToList();
        return new LensComparison(Formula, [.. runs.Select(r => r.Id)], scored, Disagreements(comparison, lenses, scored));
    }

    /// <summary>The improvement (percent, clamped) of a change as a lens that wants the KPI <paramref name="better"/> sees it.</summary>
    public static double Improvement(double baseline, double delta, string better)
    {
        var sign = better == "higher" ? 1 : -1;
        if (baseline == 0) return Math.Abs(delta) <= double.Epsilon ? 0 : sign * Math.Sign(delta) * 100;
        return Math.Clamp(sign * delta / Math.Abs(baseline) * 100, -100, 100);
    }

    private static LensRunScore ScoreRun(Lens lens, ScenarioComparison comparison, int run)
    {
        var parts = new List<LensKpiScore>();
        double weighted = 0, weights = 0;
        foreach (var k in lens.Kpis)
        {
            if (k.Weight <= 0) continue;
            // A KPI the run did not report (an older run) is left out of the mean, not counted as zero.
            if (comparison.Kpis.FirstOrDefault(x => x.Id == k.Kpi)?.Runs[run] is not { } value) continue;
            var improvement = Improvement(value.Baseline, value.Delta, k.Better);
            var breach = k.RedLinePercent is { } red && improvement < -red - NoisePercent;
            parts.Add(new LensKpiScore(k.Kpi, k.Weight, improvement, k.Weight * improvement, breach));
            weighted += k.Weight * improvement;
            weights += k.Weight;
        }
        var score = weights > 0 ? weighted / weights : 0;
        return new LensRunScore(comparison.Runs[run].Id, score, 1, [.. parts.Select(p => p with { Contribution = p.Contribution / weights })],
            [.. parts.Where(p => p.Breach).Select(p => p.Kpi)]);
    }

    private static List<LensDisagreement> Disagreements(ScenarioComparison comparison, IReadOnlyList<Lens> lenses, List<LensScores> scored)
    {
        var runs = comparison.Runs;
        var found = new List<LensDisagreement>();
        string LensName(string id) => lenses.First(l => l.Id == id).Name[LensLimits.RequiredLanguage];
        string RunName(string id) => runs.First(r => r.Id == id).Name;
        string Names(IEnumerable<string> ids, Func<string, string> name) => string.Join(", ", ids.Select(name));

        // Different first choices: each lens with one clear first run votes for it.
        if (runs.Count > 1)
        {
            var picks = scored
                .Select(l => (Lens: l.Id, Firsts: l.Runs.Where(s => s.Rank == 1).ToList()))
                .Where(x => x.Firsts.Count == 1)
                .GroupBy(x => x.Firsts[0].RunId)
                .Select(g => new LensPick(g.Key, [.. g.Select(x => x.Lens)]))
                .OrderBy(p => runs.ToList().FindIndex(r => r.Id == p.RunId))
                .ToList();
            if (picks.Count > 1)
                found.Add(new LensDisagreement("ranking", string.Join("; ", picks.Select(p => $"{Names(p.LensIds, LensName)}: {RunName(p.RunId)} first")))
                {
                    Picks = picks,
                });
        }

        // One run, better through some lenses and worse through others.
        for (var r = 0; r < runs.Count; r++)
        {
            var pro = scored.Where(l => l.Runs[r].Score > NoisePercent).Select(l => l.Id).ToList();
            var con = scored.Where(l => l.Runs[r].Score < -NoisePercent).Select(l => l.Id).ToList();
            if (pro.Count > 0 && con.Count > 0)
                found.Add(new LensDisagreement("sign", $"{runs[r].Name}: better for {Names(pro, LensName)}, worse for {Names(con, LensName)}")
                {
                    RunId = runs[r].Id,
                    For = pro,
                    Against = con,
                });
        }

        // A KPI a lens weighs heavily goes the wrong way, whatever the lens's overall score.
        foreach (var lens in lenses)
        {
            var max = lens.Kpis.Select(k => k.Weight).DefaultIfEmpty(0).Max();
            var heavy = lens.Kpis.Where(k => k.Weight > 0 && k.Weight >= HeavyShare * max).Select(k => k.Kpi).ToHashSet(StringComparer.Ordinal);
            var scores = scored.First(l => l.Id == lens.Id);
            for (var r = 0; r < runs.Count; r++)
            {
                foreach (var part in scores.Runs[r].Kpis.Where(p => heavy.Contains(p.Kpi) && p.Improvement < -NoisePercent))
                {
                    var kpiName = comparison.Kpis.First(k => k.Id == part.Kpi).Name;
                    found.Add(new LensDisagreement("wrongWay",
                        string.Create(CultureInfo.InvariantCulture, $"{runs[r].Name}: {kpiName}, which {LensName(lens.Id)} weighs heavily, worsens by {-part.Improvement:0.##} %"))
                    {
                        RunId = runs[r].Id,
                        LensId = lens.Id,
                        Kpi = part.Kpi,
                        Improvement = part.Improvement,
                    });
                }
            }
        }
        return found;
    }
}
