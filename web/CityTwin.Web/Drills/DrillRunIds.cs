using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CityTwin.Web.Drills;

/// <summary>
/// Drill run ids: <c>drill</c> and 10 hex digits. A run's alarms are <c>{runId}-{n}</c>, so an alarm
/// id tells a drill alarm (and its run) from a real one, whose ids start with a gu code.
/// </summary>
public static partial class DrillRunIds
{
    public static string New() => "drill" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();

    public static bool IsRunId(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The run an alarm id belongs to, or null for a real alarm.</summary>
    public static string? RunOf(string alarmId)
    {
        var dash = alarmId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && IsRunId(alarmId[..dash]) ? alarmId[..dash] : null;
    }

    [GeneratedRegex("^drill[0-9a-f]{10}$")]
    private static partial Regex Pattern();
}
