using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Model.Telemetry;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Results;
using CityTwin.Scenarios.Validation;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Runs what-if scenarios with the live twin's models, faster than real time, one district (gu)
/// at a time so that each district can run in its own grain; <see cref="ScenarioCombiner"/> builds
/// the city from the districts. Deterministic: the same definition gives the same bits whatever the
/// thread count, the district order or the process, because every value is a pure function of
/// (seed, instant, static city, definition) and every sum runs in a fixed order.
/// Thread-safe: one engine serves any number of concurrent runs and shares the city-wide condition
/// timeline of a definition between its districts.
/// </summary>
public sealed class ScenarioEngine
{
    private readonly CityCatalog _city;
    private readonly ScenarioEngineOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<ConditionsTimeline>> _timelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Lazy<IReadOnlyDictionary<string, double>>> _intensities = new();
    private readonly double _vehiclesPerResident;

    /// <param name="facts">The city's figures; by default those of the city's pack.</param>
    public ScenarioEngine(CityCatalog city, InterventionCatalog? interventions = null, ScenarioEngineOptions? options = null, ScenarioFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        _city = city;
        Facts = facts ?? ScenarioFacts.From(city.Pack);
        Interventions = interventions ?? InterventionCatalog.Default;
        _options = options ?? new ScenarioEngineOptions();
        // The city's registered vehicles spread over its residents: vehicle-km and EVs follow the people of each dong.
        var population = city.Districts.Sum(d => (double)d.Population);
        _vehiclesPerResident = population > 0 ? Facts.RegisteredVehicles / population : 0;
    }

    public CityCatalog City => _city;

    public ScenarioFacts Facts { get; }

    public InterventionCatalog Interventions { get; }

    public ScenarioValidationResult Validate(ScenarioDefinition? definition) => ScenarioValidator.Validate(definition, Interventions, _city);

    /// <summary>
    /// Runs one district: baseline and scenario for every dong of <paramref name="guCode"/>.
    /// <paramref name="stepsDone"/> receives the number of steps finished so far (out of
    /// <see cref="ScenarioDefinition.StepCount"/>). Cancellation is checked at every step.
    /// </summary>
    /// <exception cref="ScenarioValidationException">The definition does not validate.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public DistrictResult RunDistrict(ScenarioDefinition definition, string guCode, IProgress<int>? stepsDone = null, CancellationToken cancellationToken = default)
    {
        var validation = Validate(definition);
        if (!validation.IsValid) throw new ScenarioValidationException(validation);
        var district = _city.FindDistrict(guCode) ?? throw new ArgumentException($"unknown gu '{guCode}'", nameof(guCode));
        cancellationToken.ThrowIfCancellationRequested();

        var start = definition.Start.StartInstant(_city.Pack.Clock);
        var steps = definition.StepCount;
        var timeline = Timeline(definition, start, steps);
        var plan = Plan(definition, district);
        var dongs = plan.Dongs.Length;
        var baseline = new double[dongs][];
        var scenario = new double[dongs][];
        for (var d = 0; d < dongs; d++)
        {
            baseline[d] = new double[ChannelSeries.ChannelCount * steps];
            scenario[d] = new double[ChannelSeries.ChannelCount * steps];
        }

        var parallelism = _options.MaxDegreeOfParallelism >= 1 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        // Enough chunks to balance the threads, few enough that each reuses its scratch for many steps.
        var chunk = Math.Max(4, steps / (parallelism * 8));
        var chunks = (steps + chunk - 1) / chunk;
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        if (_options.Scheduler is { } scheduler) parallel.TaskScheduler = scheduler;
        Parallel.For(0, chunks, parallel, plan.NewScratch, (c, state, scratch) =>
        {
            var from = c * chunk;
            var to = Math.Min(steps, from + chunk);
            for (var k = from; k < to; k++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return scratch;
                }
                plan.EvaluateStep(k, timeline, scratch, baseline, scenario, steps);
            }
            stepsDone?.Report(Interlocked.Add(ref done, to - from));
            return scratch;
        }, _ => { });
        cancellationToken.ThrowIfCancellationRequested();

        var dongResults = new AreaResult[dongs];
        for (var d = 0; d < dongs; d++)
        {
            var info = plan.Dongs[d];
            dongResults[d] = new AreaResult(AreaLevel.Dong, info.Code, info.NameEn, info.NameKo, start, definition.Step, plan.Inventory[d],
                new ChannelSeries(steps, baseline[d]), new ChannelSeries(steps, scenario[d]))
            { GridTonnesCo2PerMwh = Facts.GridTonnesCo2PerMwh };
        }
        var inventory = AreaInventory.Empty;
        foreach (var d in dongResults) inventory = inventory.Add(d.Inventory);
        var districtResult = new AreaResult(AreaLevel.Gu, district.Code, district.NameEn, district.NameKo, start, definition.Step, inventory,
            ChannelSeries.Sum(steps, dongResults.Select(d => d.Baseline)),
            ChannelSeries.Sum(steps, dongResults.Select(d => d.Scenario)))
        { GridTonnesCo2PerMwh = Facts.GridTonnesCo2PerMwh };
        return new DistrictResult(district.Code, start, definition.Step, steps, districtResult, dongResults, plan.Scopes, plan.Diversions, plan.Notes);
    }

    /// <summary>
    /// Every district, <see cref="ScenarioEngineOptions.MaxDegreeOfParallelism"/> at a time, combined
    /// into the city (what the scenario grain does with district grains, in one process).
    /// <paramref name="stepsDone"/> counts district-steps, out of StepCount × number of districts.
    /// </summary>
    public ScenarioResult Run(ScenarioDefinition definition, IProgress<int>? stepsDone = null, CancellationToken cancellationToken = default)
    {
        var validation = Validate(definition);
        if (!validation.IsValid) throw new ScenarioValidationException(validation);
        var districts = _city.Districts.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var results = new DistrictResult[districts.Count];
        var done = 0;
        var parallelism = _options.MaxDegreeOfParallelism >= 1 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var progress = stepsDone is null ? null : new Action<int>(n => stepsDone.Report(Interlocked.Add(ref done, n)));
        Parallel.For(0, districts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            i => results[i] = RunDistrict(definition, districts[i].Code, progress is null ? null : new IncrementProgress(progress), cancellationToken));
        return ScenarioCombiner.Combine(definition.Name, _city, results);
    }

    /// <summary>
    /// The assets of one gu at an instant (on the step grid or not), baseline against scenario, in
    /// their kinds' channel order: roads, air stations, substations, streetlights, flood sensors and
    /// buildings. For the scenario map and for checking where a closure's traffic goes.
    /// </summary>
    public ScenarioSnapshot Snapshot(ScenarioDefinition definition, string guCode, DateTimeOffset instant)
    {
        var validation = Validate(definition);
        if (!validation.IsValid) throw new ScenarioValidationException(validation);
        var district = _city.FindDistrict(guCode) ?? throw new ArgumentException($"unknown gu '{guCode}'", nameof(guCode));
        var plan = Plan(definition, district);
        var model = new ConditionsModel(_city.Pack, definition.Seed);
        var conditions = definition.Conditions;
        var imposed = conditions is null || conditions.IsEmpty
            ? model.At(instant)
            : model.At(instant, new ScenarioWeather(model.Weather, definition.Start.StartInstant(_city.Pack.Clock), conditions).At);
        var sink = new SnapshotSink(_city);
        plan.Snapshot(imposed, imposed, sink);
        return new ScenarioSnapshot(instant.ToOffset(TimeSpan.Zero), district.Code, sink.Assets);
    }

    private DistrictPlan Plan(ScenarioDefinition definition, DistrictInfo district)
    {
        var intensities = _intensities.GetOrAdd(definition.Seed, seed => new Lazy<IReadOnlyDictionary<string, double>>(() =>
        {
            // The air model's local-traffic weight of each dong comes from the live generator's road network.
            var generator = new TelemetryGenerator(_city, seed, outageShare: 0);
            return generator.DongCodes.ToDictionary(code => code, generator.TrafficIntensityOf, StringComparer.Ordinal);
        })).Value;
        Trim(_intensities);
        return DistrictPlanBuilder.Build(_city, Interventions, definition, district, Facts, code => intensities.GetValueOrDefault(code, 0.5), _vehiclesPerResident);
    }

    private ConditionsTimeline Timeline(ScenarioDefinition definition, DateTimeOffset start, int steps)
    {
        var key = TimelineKey(definition, start, steps);
        var timeline = _timelines.GetOrAdd(key, _ => new Lazy<ConditionsTimeline>(() =>
            ConditionsTimeline.Build(_city.Pack, definition.Seed, start, definition.Step, steps, definition.Conditions))).Value;
        Trim(_timelines);
        return timeline;
    }

    /// <summary>Bounded caches: drop an entry when over size (a dropped timeline is simply rebuilt, identically).</summary>
    private void Trim<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache) where TKey : notnull
    {
        while (cache.Count > Math.Max(1, _options.TimelineCacheSize))
        {
            var victim = cache.Keys.FirstOrDefault();
            if (victim is null || !cache.TryRemove(victim, out _)) break;
        }
    }

    /// <summary>Everything the conditions depend on, written exactly (round-trip formats).</summary>
    private static string TimelineKey(ScenarioDefinition definition, DateTimeOffset start, int steps)
    {
        var b = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        b.Append(inv, $"{definition.Seed}|{start.UtcTicks}|{definition.Step.Ticks}|{steps}");
        if (definition.Conditions is { } c)
        {
            foreach (var p in c.TemperatureOffsets ?? []) b.Append(inv, $"|o{p.AtHours:R},{p.OffsetC:R}");
            if (c.Heatwave is { } h) b.Append(inv, $"|h{h.StartHours:R},{h.DurationHours:R},{h.PeakC:R}");
            if (c.HeavyRain is { } r) b.Append(inv, $"|r{r.StartHours:R},{r.DurationHours:R},{r.RainMmH:R}");
        }
        return b.ToString();
    }
}
