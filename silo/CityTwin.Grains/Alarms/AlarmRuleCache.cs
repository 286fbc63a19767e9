using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// This silo's copy of the rule book, read by every dong and gu evaluator without a grain call.
/// Refreshed every <see cref="RefreshInterval"/>: a rule edit is in force on every silo within
/// that time; the evaluators rebuild when they see a new version.
/// </summary>
public sealed class AlarmRuleCache(IGrainFactory grains, ILogger<AlarmRuleCache> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private AlarmRuleSet _current = AlarmRuleSet.Empty;
    private Dictionary<string, AlarmRule> _byId = [];

    public AlarmRuleSet Current => Volatile.Read(ref _current);

    public AlarmRule? Find(string ruleId) => Volatile.Read(ref _byId).GetValueOrDefault(ruleId);

    /// <summary>Takes a rule book read elsewhere (a grain that just changed it) without waiting for the timer.</summary>
    public void Offer(AlarmRuleSet rules)
    {
        if (rules.Version <= Current.Version) return;
        Volatile.Write(ref _byId, rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal));
        Volatile.Write(ref _current, rules);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            try
            {
                var rules = await grains.GetGrain<IAlarmRulesGrain>(IAlarmRulesGrain.Key).GetAsync();
                if (rules.Version != Current.Version)
                {
                    Volatile.Write(ref _byId, rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal));
                    Volatile.Write(ref _current, rules);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The silo is starting or the rule grain is moving: keep the rules in force.
                logger.LogDebug(ex, "Could not refresh the alarm rules");
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }
}
