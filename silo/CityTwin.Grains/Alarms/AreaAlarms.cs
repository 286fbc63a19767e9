using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The alarm side of a dong or gu grain: evaluates the rule book after each batch (or KPI report)
/// and posts what changed for the gu's <see cref="IAlarmBookGrain"/> to the silo's
/// <see cref="AlarmOutbox"/> (the grain does not wait for the book). A fresh evaluator (first
/// batch, new rule-book version, or a send that failed) restates every condition that holds, so
/// the book heals whatever it missed.
/// </summary>
public sealed class AreaAlarms
{
    private readonly AlarmRuleCache _rules;
    private readonly AlarmOutbox _outbox;
    private readonly AreaLevel _level;
    private readonly string _code;
    private readonly string _guCode;
    private readonly AlarmSource[] _assets;
    private readonly List<AlarmTransition> _transitions = [];
    private AlarmEvaluator? _evaluator;
    // Set by the outbox's thread when a send failed; read by the grain's next batch.
    private volatile bool _restate = true;
    // Until the first evaluation against a real rule book is posted: that one reports what was
    // already there when the area started, not new alarms.
    private bool _startUp = true;

    private AreaAlarms(IServiceProvider services, AreaLevel level, string code, string guCode, AlarmSource[] assets)
    {
        _rules = services.GetRequiredService<AlarmRuleCache>();
        _outbox = services.GetRequiredService<AlarmOutbox>();
        _level = level;
        _code = code;
        _guCode = guCode;
        _assets = assets;
    }

    /// <summary>For a dong grain: its assets and the dong's KPIs.</summary>
    public static AreaAlarms ForDong(IServiceProvider services, IGrainFactory grains, DongInfo dong, IReadOnlyList<AssetDescriptor> assets) =>
        new(services, AreaLevel.Dong, dong.Code, dong.GuCode,
            [.. assets.Select(a => new AlarmSource(a.Id, a.Kind, dong.Code, dong.GuCode))]);

    /// <summary>For a gu grain: the gu's KPIs only.</summary>
    public static AreaAlarms ForGu(IServiceProvider services, IGrainFactory grains, string guCode) =>
        new(services, AreaLevel.Gu, guCode, guCode, []);

    /// <summary>After a dong's batch: asset rules over its values, area rules over its KPIs.</summary>
    public Task AfterBatchAsync(DateTimeOffset at, double[][] values, DateTimeOffset[] updatedAt, KpiSet kpis)
    {
        var evaluator = Evaluator();
        evaluator.EvaluateAssets(at, values, updatedAt, _transitions);
        evaluator.EvaluateArea(at, kpis, _transitions);
        Post(at, evaluator);
        return Task.CompletedTask;
    }

    /// <summary>After a gu's aggregate: its area rules.</summary>
    public Task AfterReportAsync(DateTimeOffset at, KpiSet kpis)
    {
        var evaluator = Evaluator();
        evaluator.EvaluateArea(at, kpis, _transitions);
        Post(at, evaluator);
        return Task.CompletedTask;
    }

    /// <summary>The outbox could not deliver this area's changes: restate everything with the next batch.</summary>
    public void Undelivered() => _restate = true;

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

    private void Post(DateTimeOffset at, AlarmEvaluator evaluator)
    {
        // Nothing to say and nothing to restate: nothing posted (the common case).
        if (_transitions.Count == 0 && !_restate) return;
        // Until the rule book arrives there is nothing to restate against.
        if (evaluator.RulesVersion == 0) return;
        IReadOnlyList<string>? holding = null;
        if (_restate)
        {
            _restate = false;
            _transitions.Clear();
            evaluator.ActiveRaises(at, _transitions);
            holding = evaluator.Holding();
        }
        _outbox.Post(_guCode, new AlarmTransitionBatch(_code, at, [.. _transitions], holding, _startUp), this);
        _startUp = false;
        _transitions.Clear();
    }
}
