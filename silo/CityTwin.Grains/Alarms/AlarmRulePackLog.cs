using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Alarms;

/// <summary>Says at start where the default alarm rules come from (the pack, its template, or none).</summary>
public sealed class AlarmRulePackLog(PackAlarmRules rules, ILogger<AlarmRulePackLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Default alarm rules: {Count} from {Origin}", rules.Rules.Count, rules.Origin);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
