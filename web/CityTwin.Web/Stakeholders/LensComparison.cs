namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Compared runs as each lens reads them (<see cref="LensScorer"/>): a score per lens and run, and
/// where the lenses disagree. <see cref="Formula"/> states the arithmetic in words.
/// </summary>
public sealed record LensComparison(string Formula, IReadOnlyList<string> RunIds, IReadOnlyList<LensScores> Lenses, IReadOnlyList<LensDisagreement> Disagreements);

/// <summary>One lens over every compared run, in the runs' order.</summary>
public sealed record LensScores(string Id, IReadOnlyDictionary<string, string> Name, string? Group, IReadOnlyList<LensRunScore> Runs);

/// <summary>
/// A lens's score of one run (weighted mean improvement, percent; positive is better for this lens),
/// its rank among the compared runs (1 = the lens's first choice), each KPI's part and the red lines crossed.
/// </summary>
public sealed record LensRunScore(string RunId, double Score, int Rank, IReadOnlyList<LensKpiScore> Kpis, IReadOnlyList<string> Breaches);

/// <summary>
/// A KPI's part in a lens score: its weight, its improvement in percent as the lens sees it (clamped
/// to ±100), its weighted contribution to the score, and whether it crossed the lens's red line.
/// </summary>
public sealed record LensKpiScore(string Kpi, double Weight, double Improvement, double Contribution, bool Breach);

/// <summary>
/// Where lenses disagree. <see cref="Kind"/>: <c>ranking</c> (lenses put different runs first:
/// <see cref="Picks"/>), <c>sign</c> (on one run some lenses score better and others worse:
/// <see cref="For"/> and <see cref="Against"/>), <c>wrongWay</c> (a KPI a lens weighs heavily worsens:
/// <see cref="Kpi"/> by <see cref="Improvement"/> percent). <see cref="Text"/> says it in English.
/// </summary>
public sealed record LensDisagreement(string Kind, string Text)
{
    public string? RunId { get; init; }
    public IReadOnlyList<LensPick>? Picks { get; init; }
    public IReadOnlyList<string>? For { get; init; }
    public IReadOnlyList<string>? Against { get; init; }
    public string? LensId { get; init; }
    public string? Kpi { get; init; }
    public double? Improvement { get; init; }
}

/// <summary>A run and the lenses that rank it first.</summary>
public sealed record LensPick(string RunId, IReadOnlyList<string> LensIds);
