using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Scenarios.Economics;

namespace CityTwin.Scenarios.Uncertainty;

/// <summary>
/// The bands of a run repeated over several seeds: every city KPI, every step of its series and the
/// city's money, as 5th percentile, median and 95th percentile over the seeds (<see cref="Percentiles"/>).
/// The seeds change the weather, the traffic and every other random draw; the interventions and the
/// city stay the same, so the band says how much of a change the weather could make or hide.
/// </summary>
public static class UncertaintyBuilder
{
    /// <param name="runs">One results document per seed, in seed order (the first is the run's own).</param>
    /// <param name="economics">The money of each seed, same order; null when the run has no costs.</param>
    public static UncertaintyResult Build(IReadOnlyList<int> seeds, IReadOnlyList<ScenarioResultsDocument> runs, IReadOnlyList<EconomicsResult>? economics)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || runs.Count != seeds.Count) throw new ArgumentException($"{runs.Count} runs for {seeds.Count} seeds", nameof(runs));
        var first = runs[0];

        var kpis = new List<KpiBand>(first.Kpis.Count);
        foreach (var kpi in first.Kpis)
        {
            var rows = runs.Select(r => r.Kpis.FirstOrDefault(k => k.Id == kpi.Id)).OfType<KpiRow>().ToList();
            kpis.Add(new KpiBand(kpi.Id,
                Percentiles.Band(rows.Select(r => r.Baseline)),
                Percentiles.Band(rows.Select(r => r.Scenario)),
                Percentiles.Band(rows.Select(r => r.Delta))));
        }

        var series = new Dictionary<string, SeriesBand>(StringComparer.Ordinal);
        foreach (var (id, pair) in first.Series)
        {
            var all = runs.Select(r => r.Series.GetValueOrDefault(id)).OfType<SeriesPair>().ToList();
            var steps = pair.Baseline.Count;
            var bl = new double[steps]; var bm = new double[steps]; var bh = new double[steps];
            var sl = new double[steps]; var sm = new double[steps]; var sh = new double[steps];
            var column = new double[all.Count];
            for (var k = 0; k < steps; k++)
            {
                Fill(column, all, k, baseline: true);
                (bl[k], bm[k], bh[k]) = Quantiles(column);
                Fill(column, all, k, baseline: false);
                (sl[k], sm[k], sh[k]) = Quantiles(column);
            }
            series[id] = new SeriesBand(pair.Unit, bl, bm, bh, sl, sm, sh);
        }

        EconomicsBand? money = null;
        if (economics is { Count: > 0 })
        {
            var cities = economics.Select(e => e.City).ToList();
            money = new EconomicsBand(
                Percentiles.Band(cities.Select(c => c.EnergySavingsPerYear + c.CarbonSavingsPerYear)),
                Percentiles.Band(cities.Select(c => c.NetPerYear)),
                Percentiles.Band(cities.Select(c => c.Npv)),
                Percentiles.Payback(cities.Select(c => c.PaybackYears)));
        }
        return new UncertaintyResult([.. seeds], kpis, series, money);
    }

    private static void Fill(double[] column, List<SeriesPair> all, int step, bool baseline)
    {
        for (var i = 0; i < all.Count; i++)
        {
            var values = baseline ? all[i].Baseline : all[i].Scenario;
            column[i] = step < values.Count ? values[step] : double.NaN;
        }
        Array.Sort(column);
    }

    private static (double Low, double Median, double High) Quantiles(double[] sorted) =>
        (Percentiles.At(sorted, Percentiles.Low), Percentiles.At(sorted, 0.5), Percentiles.At(sorted, Percentiles.High));
}
