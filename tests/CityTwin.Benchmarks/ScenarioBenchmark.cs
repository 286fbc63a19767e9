using System.Diagnostics;
using System.Globalization;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;

namespace CityTwin.Benchmarks;

/// <summary>
/// What-if engine speed on the default Incheon city: 24 h at 1-minute steps and 7 days at
/// 5-minute steps, every district in parallel across the cores (as the district grains would run
/// on one silo), baseline and scenario together. The first run of the process is reported apart
/// (JIT compilation, the traffic-intensity set-up); later runs each use a new start date so the
/// city-wide condition timeline is rebuilt every time, as for a new scenario.
/// </summary>
public static class ScenarioBenchmark
{
    public const double TargetDaySeconds = 3;

    public static async Task RunAsync(BenchmarkRun run)
    {
        var repeats = Math.Max(1, run.Args.Int("repeats", 3));
        var seed = run.Args.Int("seed", CityPackLoader.DefaultSeed);

        var watch = Stopwatch.StartNew();
        var city = CityPackLoader.Load(CityPackLocator.Find("incheon"));
        run.Report("scenario_load_s", watch.Elapsed.TotalSeconds, "s (pack + asset generation)");
        var engine = new ScenarioEngine(city);

        // Assets whose models the step loop evaluates: roads that carry vehicles, air stations,
        // substations, streetlights, flood sensors, and buildings (their PV enters in aggregate).
        // EV chargers, water pumps and footways feed no scenario KPI and are left out.
        var modelled = city.Assets.Count(a => a.Kind switch
        {
            AssetKind.RoadSegment => a.Spec is not RoadSpec { Class: RoadClass.Footway },
            AssetKind.EvCharger or AssetKind.WaterPump => false,
            _ => true,
        });
        run.Note($"city: {city.Assets.Count} assets, {modelled} modelled by the scenario engine, {city.Districts.Count} districts, {city.Dongs.Count} dongs; {Environment.ProcessorCount} cores");
        run.Note("interventions: congestion charge on Yeonsu-gu, LED retrofit, rooftop solar, 20 % EVs, demand response citywide; condition: a 3 °C heatwave over the horizon");

        ScenarioDefinition Definition(DateOnly date, TimeSpan horizon, TimeSpan step) => new(
            "benchmark", null, ScenarioStart.BaselineDay(date), horizon, step, seed,
            new ScenarioConditions(Heatwave: new HeatwaveCondition(0, horizon.TotalHours, 3)),
            [
                new ScenarioIntervention(InterventionIds.CongestionCharge, null, ScenarioTarget.Gu("28185")),
                new ScenarioIntervention(InterventionIds.LedRetrofit, null, ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.RooftopSolar, null, ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.EvAdoption, null, ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.DemandResponse, null, ScenarioTarget.City()),
            ]);

        var first = new DateOnly(2025, 7, 1);
        var day = Measure(run, engine, "day_cold", Definition(first, TimeSpan.FromDays(1), TimeSpan.FromMinutes(1)), modelled, city.Districts.Count);
        var warm = new List<double>();
        for (var r = 0; r < repeats; r++)
            warm.Add(Measure(run, engine, $"day_warm{r + 1}", Definition(first.AddDays(1 + r), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1)), modelled, city.Districts.Count));
        Measure(run, engine, "week", Definition(first.AddDays(10), TimeSpan.FromDays(7), TimeSpan.FromMinutes(5)), modelled, city.Districts.Count);

        var result = engine.Run(Definition(first.AddDays(20), TimeSpan.FromDays(1), TimeSpan.FromMinutes(15)));
        foreach (var id in new[] { ScenarioKpiIds.PeakLoadMw, ScenarioKpiIds.Co2Tonnes, ScenarioKpiIds.StreetlightEnergyMwh })
        {
            var c = result.City.Total(id);
            run.Note(string.Create(CultureInfo.InvariantCulture, $"sanity, city {id}: baseline {c.Baseline:0.#} → scenario {c.Scenario:0.#} {c.Unit} ({c.DeltaPercent:+0.0;-0.0} %)"));
        }

        run.Target("24 h at 1-min steps, whole city, first run in the process", day, TargetDaySeconds, higherIsBetter: false, "s");
        run.Target("24 h at 1-min steps, whole city, warm (median)", warm.Order().ElementAt(warm.Count / 2), TargetDaySeconds, higherIsBetter: false, "s");

        // A run repeated over seeds (its uncertainty band), through the silo's run queue and workers.
        await ScenarioSeedsBenchmark.RunAsync(run, city, seed);
    }

    private static double Measure(BenchmarkRun run, ScenarioEngine engine, string label, ScenarioDefinition definition, int modelled, int districts)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = engine.Run(definition);
        var seconds = watch.Elapsed.TotalSeconds;
        var steps = definition.StepCount;
        run.Report($"scenario_{label}_s", seconds, $"s for {steps} steps × {districts} districts, baseline + scenario");
        run.Report($"scenario_{label}_steps_per_s", steps / seconds, "city steps/s (both runs)");
        run.Report($"scenario_{label}_sim_speedup", definition.Horizon.TotalSeconds / seconds, "× real time");
        run.Report($"scenario_{label}_asset_steps_per_s", 2.0 * modelled * steps / seconds, "asset-steps/s (modelled assets × steps × 2 runs)");
        if (!result.Complete) run.Note($"{label}: combined result is incomplete");
        return seconds;
    }
}
