using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// Rule books stored before rules had names per language show English everywhere. Each pack rule
/// still under its pack name gets the pack's translations; nobody's edit is undone (a renamed rule,
/// or one with names of its own, is left alone), and the rules' own versions stay, since nobody
/// changed what they do.
/// </summary>
public static class PackRuleNames
{
    /// <returns>How many rules got names.</returns>
    public static int AddTo(List<AlarmRule> rules, IEnumerable<AlarmRule> packRules)
    {
        var pack = new Dictionary<string, AlarmRule>(StringComparer.Ordinal);
        foreach (var rule in packRules) pack.TryAdd(rule.Id, rule);
        var added = 0;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Names is not null || !pack.TryGetValue(rule.Id, out var packRule) || packRule.Names is null || packRule.Name != rule.Name) continue;
            rules[i] = rule with { Names = new Dictionary<string, string>(packRule.Names, StringComparer.Ordinal) };
            added++;
        }
        return added;
    }
}
