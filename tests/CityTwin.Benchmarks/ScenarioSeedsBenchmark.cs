using System.Diagnostics;
using System.Globalization;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Grains.Scenarios.Isolation;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Benchmarks;

/// <summary>
/// A run repeated over seeds, the way a planner starts it: one scenario grain on an in-process silo,
/// its districts × seeds queued on the silo's scenario workers (the bounded share: half the cores by
/// default), results with costs and 90 % bands combined at the end. Measured from the start call to
/// the completed status, the run queue's wait included.
/// </summary>
public static class ScenarioSeedsBenchmark
{
    public const double TargetSeconds = 10;

    public static async Task RunAsync(BenchmarkRun run, CityCatalog city, int seed)
    {
        var seeds = Math.Clamp(run.Args.Int("seeds", 20), 1, 50);
        var stepMinutes = run.Args.Double("seeds-step-minutes", 15);
        using var host = await SiloHost.StartAsync(city);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var workers = host.Services.GetRequiredService<IOptions<ScenarioWorkOptions>>().Value.EffectiveWorkers;
        ScenarioDefinition Definition(DateOnly date, int count) => new(
            "seeds benchmark", null, ScenarioStart.BaselineDay(date), TimeSpan.FromHours(24), TimeSpan.FromMinutes(stepMinutes), seed, null,
            [
                new ScenarioIntervention(InterventionIds.LedRetrofit, null, ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.RooftopSolar, null, ScenarioTarget.City()),
            ],
            SeedCount: count);

        // One seed first, so the JIT and the traffic-intensity set-up stay out of the measured run.
        await RunOnceAsync(grains, "seeds-warmup", Definition(new DateOnly(2025, 7, 30), 1));
        var seconds = await RunOnceAsync(grains, "seeds", Definition(new DateOnly(2025, 8, 1), seeds));
        var results = await grains.GetGrain<IScenarioGrain>("seeds").GetResultsAsync() ?? throw new InvalidOperationException("no results");
        var steps = (int)(24 * 60 / stepMinutes);
        run.Note($"{seeds} seeds × 24 h at {stepMinutes:0.#}-min steps ({steps} steps) × {city.Districts.Count} districts, LED retrofit and rooftop solar citywide, on {workers} scenario worker thread(s) of {Environment.ProcessorCount} cores");
        run.Report("scenario_seeds_s", seconds, $"s for {seeds} seeds, start to completed, results with costs and bands");
        run.Report("scenario_seeds_per_s", seeds / seconds, "seeds/s");
        if (results.Uncertainty?.Kpis.FirstOrDefault(k => k.Id == "gridEnergyMwh") is { } grid)
            run.Note(string.Create(CultureInfo.InvariantCulture, $"sanity, city grid energy change: median {grid.Delta.Median:0.0} MWh, 90 % band {grid.Delta.Low:0.0} to {grid.Delta.High:0.0} MWh over {results.Uncertainty.Seeds.Count} seeds"));
        if (results.Economics is { } e)
            run.Note(string.Create(CultureInfo.InvariantCulture, $"sanity, city: capital {e.City.Capex / 1e9:0.0} bn {e.Currency}, net {e.City.NetPerYear / 1e9:0.00} bn a year, payback {e.City.PaybackYears:0.0} years, NPV {e.City.Npv / 1e9:0.0} bn"));
        run.Target($"{seeds} seeds × 24 h at {stepMinutes:0.#}-min steps, whole city, through the run queue", seconds, TargetSeconds, higherIsBetter: false, "s");
        await host.StopAsync();
    }

    private static async Task<double> RunOnceAsync(IGrainFactory grains, string id, ScenarioDefinition definition)
    {
        var grain = grains.GetGrain<IScenarioGrain>(id);
        var watch = Stopwatch.StartNew();
        await grain.StartAsync(definition, "benchmark");
        while (true)
        {
            var summary = await grain.GetSummaryAsync();
            if (summary is { Status: ScenarioStatus.Completed }) return watch.Elapsed.TotalSeconds;
            if (summary is { Status: ScenarioStatus.Failed or ScenarioStatus.Cancelled }) throw new InvalidOperationException($"run {id} {summary.Status}: {summary.Error}");
            await Task.Delay(20);
        }
    }
}
