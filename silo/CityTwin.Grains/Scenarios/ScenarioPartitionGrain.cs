using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Grains.Scenarios.Isolation;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// Runs one district of a scenario with the shared engine on the silo's scenario worker threads
/// (<see cref="ScenarioWorkScheduler"/>), never on the grain's scheduler or the thread pool: the run
/// is CPU-bound for seconds and the live twin shares both. Reports progress to the scenario as it
/// goes. Reentrant so that a cancellation is heard while the run is under way.
/// </summary>
[Reentrant]
public sealed class ScenarioPartitionGrain(ScenarioEngine engine, ScenarioWorkScheduler work, ILogger<ScenarioPartitionGrain> logger) : Grain, IScenarioPartitionGrain
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(200);
    private CancellationTokenSource? _cancel;
    // A cancel can arrive before the run call (the scenario cancels every district at once, some of
    // them not started yet): remembered, so that run never queues work nobody wants.
    private bool _cancelRequested;

    public async Task<PartitionOutcome> RunAsync(ScenarioDefinition definition, IScenarioGrain owner)
    {
        var key = this.GetPrimaryKeyString();
        var gu = key[(key.LastIndexOf('/') + 1)..];
        // Progress is counted per partition (its key): a run over several seeds has one per seed and district.
        var part = key;
        using var cancel = new CancellationTokenSource();
        if (_cancelRequested) cancel.Cancel();
        _cancel = cancel;
        try
        {
            var progress = new ThrottledProgress(steps => owner.ReportProgressAsync(part, steps), ReportEvery);
            var result = await work.Run(() => engine.RunDistrict(definition, gu, progress, cancel.Token), cancel.Token);
            await owner.ReportProgressAsync(part, result.Steps);
            return ToOutcome(result, definition.Seed);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Scenario partition {Partition} cancelled", key);
            throw;
        }
        finally
        {
            _cancel = null;
            // One run per activation: nothing is worth keeping in memory afterwards.
            DeactivateOnIdle();
        }
    }

    public Task CancelAsync()
    {
        _cancelRequested = true;
        _cancel?.Cancel();
        return Task.CompletedTask;
    }

    public async Task<AreaSeries> SeriesAsync(ScenarioDefinition definition, string areaCode)
    {
        var key = this.GetPrimaryKeyString();
        var gu = key[(key.LastIndexOf('/') + 1)..];
        var result = await work.RunNext(() => engine.RunDistrict(definition, gu));
        var area = areaCode == gu ? result.District : result.Dongs.FirstOrDefault(d => d.Code == areaCode)
            ?? throw new ArgumentException($"{areaCode} is neither gu {gu} nor one of its dongs", nameof(areaCode));
        var series = ScenarioKpiCatalog.Default.Kpis.Select(k => area.Series(k.Id)).Where(s => s.Available).ToList();
        DeactivateOnIdle();
        return new AreaSeries(area.Code, [.. series.Select(s => s.KpiId)], [.. series.Select(s => s.Unit)],
            [.. series.Select(s => s.Baseline)], [.. series.Select(s => s.Scenario)]);
    }

    private static PartitionOutcome ToOutcome(DistrictResult result, int seed)
    {
        var kpis = ScenarioKpiCatalog.Default.Kpis;
        var inventory = result.District.Inventory;
        return new PartitionOutcome
        {
            GuCode = result.GuCode,
            Start = result.Start,
            Step = result.Step,
            Steps = result.Steps,
            Inventory = [inventory.Population, inventory.RoadAssets, inventory.AirStations, inventory.Substations,
                inventory.FloodSensors, inventory.StreetlightCircuits, inventory.Buildings],
            Baseline = result.District.Baseline.Values,
            Scenario = result.District.Scenario.Values,
            Dongs = [.. result.Dongs.Select(d =>
            {
                var totals = d.Compare(ScenarioKpiCatalog.Default);
                return new AreaTotals(d.Code, [.. totals.Select(t => t.KpiId)], [.. totals.Select(t => t.Baseline)], [.. totals.Select(t => t.Scenario)]);
            })],
            Scopes = [.. result.Scopes.Select(s => new ScopeTotals(s.Index, s.Type, s.Assets, s.Dongs, s.Quantity, s.QuantityUnit, s.CostUnits, s.CostUnit))],
            Notes = [.. result.Notes],
            Costs = [.. result.Scopes.SelectMany(s => s.DongCostUnits.Select(d => new DongCost(s.Index, d.Key, d.Value)))],
            Seed = seed,
        };
    }
}
