using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The alarm side of a dong or gu grain: evaluates the rule book after each batch (or KPI report)
/// and sends what changed to the gu's <see cref="IAlarmBookGrain"/> in one call. A fresh evaluator
/// (first batch, new rule-book version, or a call that failed) restates every condition that holds,
/// so the book heals whatever it missed.
/// </summary>
public sealed class AreaAlarms
{
    private readonly AlarmRuleCache _rules;
    private readonly IAlarmBookGrain _book;
    private readonly ILogger _logger;
    private readonly AreaLevel _level;
    private readonly string _code;
    private readonly string _guCode;
    private readonly AlarmSource[] _assets;
    private readonly List<AlarmTransition> _transitions = [];
    private AlarmEvaluator? _evaluator;
    private bool _restate = true;

    private AreaAlarms(IServiceProvider services, IGrainFactory grains, AreaLevel level, string code, string guCode, AlarmSource[] assets)
    {
        _rules = services.GetRequiredService<AlarmRuleCache>();
        _logger = services.GetRequiredService<ILogger<AreaAlarms>>();
        _book = grains.GetGrain<IAlarmBookGrain>(guCode);
        _level = level;
        _code = code;
        _guCode = guCode;
        _assets = assets;
    }

    /// <summary>For a dong grain: its assets and the dong's KPIs.</summary>
    public static AreaAlarms ForDong(IServiceProvider services, IGrainFactory grains, DongInfo dong, IReadOnlyList<AssetDescriptor> assets) =>
        new(services, grains, AreaLevel.Dong, dong.Code, dong.GuCode,
            [.. assets.Select(a => new AlarmSource(a.Id, a.Kind, dong.Code, dong.GuCode))]);

    /// <summary>For a gu grain: the gu's KPIs only.</summary>
    public static AreaAlarms ForGu(IServiceProvider services, IGrainFactory grains, string guCode) =>
        new(services, grains, AreaLevel.Gu, guCode, guCode, []);

    /// <summary>After a dong's batch: asset rules over its values, area rules over its KPIs.</summary>
    public Task AfterBatchAsync(DateTimeOffset at, double[][] values, DateTimeOffset[] updatedAt, KpiSet kpis)
    {
        var evaluator = Evaluator();
        evaluator.EvaluateAssets(at, values, updatedAt, _transitions);
        evaluator.EvaluateArea(at, kpis, _transitions);
        return SendAsync(at, evaluator);
    }

    /// <summary>After a gu's aggregate: its area rules.</summary>
    public Task AfterReportAsync(DateTimeOffset at, KpiSet kpis)
    {
        var evaluator = Evaluator();
        evaluator.EvaluateArea(at, kpis, _transitions);
        return SendAsync(at, evaluator);
    }

    /// <summary>The city clock jumped: the evaluator starts counting time again and restates what holds.</summary>
    public void StartTimeline()
    {
        _evaluator?.RestartClock();
        _restate = true;
    }

    private AlarmEvaluator Evaluator()
    {
        var rules = _rules.Current;
        if (_evaluator is null || _evaluator.RulesVersion != rules.Version)
        {
            _evaluator = new AlarmEvaluator(_level, _code, _guCode, _assets, rules, _evaluator);
            _restate = true;
        }
        return _evaluator;
    }

    private async Task SendAsync(DateTimeOffset at, AlarmEvaluator evaluator)
    {
        // Nothing to say and nothing to restate: no call at all (the common case).
        if (_transitions.Count == 0 && !_restate) return;
        // Until the rule book arrives there is nothing to restate against.
        if (evaluator.RulesVersion == 0) return;
        IReadOnlyList<string>? holding = null;
        if (_restate)
        {
            _transitions.Clear();
            evaluator.ActiveRaises(at, _transitions);
            holding = evaluator.Holding();
        }
        var batch = new AlarmTransitionBatch(_code, at, [.. _transitions], holding);
        _transitions.Clear();
        try
        {
            await _book.ApplyAsync(batch);
            _restate = false;
        }
        catch (Exception ex)
        {
            // The telemetry is applied whatever happens here; the next batch restates every
            // condition instead of the changes lost with this call.
            _restate = true;
            _logger.LogDebug(ex, "Area {Area} could not report alarm changes to book {Book}", _code, _guCode);
        }
    }
}
