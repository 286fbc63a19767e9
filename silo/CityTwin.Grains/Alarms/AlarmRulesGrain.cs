using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Alarms;

/// <summary>The city's alarm rule book, durable; seeded with the city pack's rules (<see cref="PackAlarmRules"/>) on first use.</summary>
public sealed class AlarmRulesGrain(
    [PersistentState("alarm-rules", StorageNames.Durable)] IPersistentState<AlarmRulesState> stored,
    PackAlarmRules packRules,
    ILogger<AlarmRulesGrain> logger)
    : Grain, IAlarmRulesGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Seeded)
        {
            await AddPackTranslationsAsync(cancellationToken);
            return;
        }
        stored.State.Rules = [.. packRules.Rules];
        stored.State.Version = 1;
        stored.State.Seeded = true;
        await stored.WriteStateAsync(cancellationToken);
    }

    public Task<AlarmRuleSet> GetAsync() => Task.FromResult(Current());

    public async Task<(AlarmRule? Before, AlarmRule After)> UpsertAsync(AlarmRule rule)
    {
        var rules = stored.State.Rules;
        var at = rules.FindIndex(r => r.Id == rule.Id);
        var before = at >= 0 ? rules[at] : null;
        var after = rule with { Version = (before?.Version ?? 0) + 1 };
        if (at >= 0) rules[at] = after;
        else rules.Add(after);
        await SaveAsync(before, at, after);
        return (before, after);
    }

    public async Task<AlarmRule?> DeleteAsync(string ruleId)
    {
        var at = stored.State.Rules.FindIndex(r => r.Id == ruleId);
        if (at < 0) return null;
        var before = stored.State.Rules[at];
        stored.State.Rules.RemoveAt(at);
        try
        {
            stored.State.Version++;
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Rules.Insert(at, before);
            stored.State.Version--;
            throw;
        }
        return before;
    }

    private async Task SaveAsync(AlarmRule? before, int at, AlarmRule after)
    {
        try
        {
            stored.State.Version++;
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored, not in force: the book in memory goes back to what the store holds.
            stored.State.Version--;
            if (before is null) stored.State.Rules.Remove(after);
            else stored.State.Rules[at] = before;
            throw;
        }
    }

    /// <summary>A book stored before rules had names per language gets the pack's (<see cref="PackRuleNames"/>).</summary>
    private async Task AddPackTranslationsAsync(CancellationToken cancellationToken)
    {
        var added = PackRuleNames.AddTo(stored.State.Rules, packRules.Rules);
        if (added == 0) return;
        // The book's version rises so every silo's cache picks the names up.
        stored.State.Version++;
        await stored.WriteStateAsync(cancellationToken);
        logger.LogInformation("Alarm rule book: added the city pack's names in every language to {Count} rules stored without them", added);
    }

    private AlarmRuleSet Current() => new(stored.State.Version, [.. stored.State.Rules]);
}
