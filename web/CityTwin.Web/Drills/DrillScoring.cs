using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Drills;
using CityTwin.Web.Alarms;

namespace CityTwin.Web.Drills;

/// <summary>
/// Scores a drill run from its alarms' timelines. Times count from the moment an alarm was raised
/// on operators' screens (wall clock). An alarm is missed when it was not acknowledged within the
/// drill's <see cref="Drill.MissAfterSeconds"/> (divided by the run's speed, like every step), or
/// when the run ended with it still open. The score is the share of alarms not missed.
/// </summary>
public static class DrillScoring
{
    public const string NotAcknowledgedInTime = "notAcknowledgedInTime";
    public const string OpenAtEnd = "openAtEnd";

    public static (DrillScore Score, IReadOnlyList<DrillAlarmScore> Alarms) Score(DrillRunReport report, DateTimeOffset now)
    {
        var run = report.Run;
        var allowed = report.Drill.MissAfterSeconds / (run.Speed > 0 ? run.Speed : 1);
        var ended = run.Status != DrillRunStatus.Running;
        var end = run.EndedAt ?? now;
        var alarms = report.Alarms.Where(a => !a.Alarm.IsGroup).OrderBy(a => RaisedAt(a)).ThenBy(a => a.Alarm.Id, StringComparer.Ordinal)
            .Select(a => Of(a, allowed, ended, end)).ToList();
        var ack = alarms.Where(a => a.SecondsToAcknowledge is not null).Select(a => a.SecondsToAcknowledge!.Value).ToList();
        var assign = alarms.Where(a => a.SecondsToAssign is not null).Select(a => a.SecondsToAssign!.Value).ToList();
        var resolve = alarms.Where(a => a.SecondsToResolve is not null).Select(a => a.SecondsToResolve!.Value).ToList();
        var missed = alarms.Count(a => a.Missed);
        var score = new DrillScore(alarms.Count, ack.Count, assign.Count, resolve.Count, missed,
            Mean(ack), ack.Count > 0 ? ack.Max() : null, Mean(assign), Mean(resolve), resolve.Count > 0 ? resolve.Max() : null,
            alarms.Count == 0 ? 0 : (int)Math.Round(100.0 * (alarms.Count - missed) / alarms.Count, MidpointRounding.AwayFromZero),
            allowed);
        return (score, alarms);
    }

    private static DrillAlarmScore Of(AlarmDetail detail, double allowed, bool ended, DateTimeOffset end)
    {
        var a = detail.Alarm;
        var raised = RaisedAt(detail);
        var acked = First(detail, "acknowledged");
        var assigned = First(detail, "assigned");
        var resolved = First(detail, "resolved");
        var toAck = Seconds(raised, acked?.At);
        string? why = null;
        if (toAck is { } s ? s > allowed : (end - raised).TotalSeconds > allowed) why = NotAcknowledgedInTime;
        else if (ended && a.State != AlarmState.Closed) why = OpenAtEnd;
        return new DrillAlarmScore(a.Id, a.RuleId, a.RuleName, a.SourceId, a.SourceKind, a.GuCode, a.DongCode,
            AlarmNames.Of(a.Severity), AlarmNames.Of(a.State), raised, acked?.At, acked?.Actor, assigned?.At, assigned?.Actor, a.AssignedTo,
            resolved?.At, resolved?.Actor, toAck, Seconds(raised, assigned?.At), Seconds(raised, resolved?.At), why is not null, why);
    }

    private static DateTimeOffset RaisedAt(AlarmDetail a) => First(a, "raised")?.At ?? a.Alarm.RaisedAt;

    private static AlarmEvent? First(AlarmDetail a, string type) => a.Timeline.FirstOrDefault(e => e.Type == type);

    private static double? Seconds(DateTimeOffset from, DateTimeOffset? to) => to is { } t ? Math.Round(Math.Max(0, (t - from).TotalSeconds), 1) : null;

    private static double? Mean(List<double> values) => values.Count > 0 ? Math.Round(values.Average(), 1) : null;
}
