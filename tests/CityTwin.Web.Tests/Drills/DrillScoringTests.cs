using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Drills;
using CityTwin.Web.Drills;

namespace CityTwin.Web.Tests.Drills;

/// <summary>The arithmetic of a drill's score: seconds from the raise to each action, what counts as missed, the share in time.</summary>
public sealed class DrillScoringTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Times_count_from_the_raise_and_late_or_open_alarms_are_missed()
    {
        var a = Alarm("drill0000000001-1", AlarmState.Closed,
            Event("raised", 0), Event("acknowledged", 30, "op"), Event("assigned", 45, "op", "kim"), Event("resolved", 100, "lead"));
        var b = Alarm("drill0000000001-2", AlarmState.ActiveAcknowledged, Event("raised", 10), Event("acknowledged", 200, "op"));
        var c = Alarm("drill0000000001-3", AlarmState.ActiveUnacknowledged, Event("raised", 20));
        var report = Report(speed: 1, missAfter: 120, status: DrillRunStatus.Stopped, endedAfter: 240, a, b, c);

        var (score, alarms) = DrillScoring.Score(report, T0.AddSeconds(999));

        Assert.Equal((30.0, 45.0, 100.0), (alarms[0].SecondsToAcknowledge, alarms[0].SecondsToAssign, alarms[0].SecondsToResolve));
        Assert.Equal(("op", "op", "lead"), (alarms[0].AcknowledgedBy, alarms[0].AssignedBy, alarms[0].ResolvedBy));
        Assert.False(alarms[0].Missed);
        Assert.Equal((190.0, true, DrillScoring.NotAcknowledgedInTime), (alarms[1].SecondsToAcknowledge!.Value, alarms[1].Missed, alarms[1].MissedBecause));
        // Never acknowledged, and 220 s passed before the run ended: late, before it is also open at the end.
        Assert.Equal((null, true, DrillScoring.NotAcknowledgedInTime), (alarms[2].SecondsToAcknowledge, alarms[2].Missed, alarms[2].MissedBecause));
        Assert.Equal((3, 2, 1, 1, 2), (score.Alarms, score.Acknowledged, score.Assigned, score.Resolved, score.Missed));
        Assert.Equal((110.0, 190.0, 45.0, 100.0), (score.MeanSecondsToAcknowledge!.Value, score.MaxSecondsToAcknowledge!.Value, score.MeanSecondsToAssign!.Value, score.MeanSecondsToResolve!.Value));
        Assert.Equal(33, score.ScorePercent);
    }

    [Fact]
    public void An_alarm_acknowledged_in_time_but_open_when_the_run_ends_is_missed_and_speed_shortens_the_time_allowed()
    {
        var open = Alarm("drill0000000002-1", AlarmState.ActiveAcknowledged, Event("raised", 0), Event("acknowledged", 50, "op"));
        var closed = Alarm("drill0000000002-2", AlarmState.Closed, Event("raised", 0), Event("acknowledged", 70, "op"), Event("resolved", 80, "op"));

        // At speed 2 the 120 s allowed become 60 s: 50 s is in time, 70 s is late.
        var (score, alarms) = DrillScoring.Score(Report(speed: 2, missAfter: 120, status: DrillRunStatus.Finished, endedAfter: 90, open, closed), T0.AddSeconds(999));
        Assert.Equal(60, score.MissAfterSeconds);
        Assert.Equal((true, DrillScoring.OpenAtEnd), (alarms[0].Missed, alarms[0].MissedBecause));
        Assert.Equal((true, DrillScoring.NotAcknowledgedInTime), (alarms[1].Missed, alarms[1].MissedBecause));
        Assert.Equal(0, score.ScorePercent);

        // While the run goes on, an alarm still inside its time is not missed yet.
        var (running, runningAlarms) = DrillScoring.Score(Report(speed: 1, missAfter: 120, status: DrillRunStatus.Running, endedAfter: null,
            Alarm("drill0000000002-3", AlarmState.ActiveUnacknowledged, Event("raised", 0))), T0.AddSeconds(100));
        Assert.False(runningAlarms[0].Missed);
        Assert.Equal((1, 0, 100), (running.Alarms, running.Missed, running.ScorePercent));
    }

    private static AlarmEvent Event(string type, double seconds, string? actor = null, string? note = null) => new(type, T0.AddSeconds(seconds), actor, note);

    private static AlarmDetail Alarm(string id, AlarmState state, params AlarmEvent[] timeline) =>
        new(new AlarmView { Id = id, RuleId = "step", RuleName = "Step", SourceId = "28185", SourceKind = "gu", GuCode = "28185", State = state, RaisedAt = timeline[0].At },
            timeline, []);

    private static DrillRunReport Report(double speed, double missAfter, DrillRunStatus status, double? endedAfter, params AlarmDetail[] alarms)
    {
        var drill = new Drill
        {
            Id = "test", Title = new Dictionary<string, string> { ["en"] = "Test" }, Description = new Dictionary<string, string> { ["en"] = "Test" },
            DurationSeconds = 600, MissAfterSeconds = missAfter, Steps = [],
        };
        var run = new DrillRunInfo
        {
            RunId = "drill0000000000", DrillId = "test", Title = drill.Title, StartedBy = "trainer", StartedAt = T0, Speed = speed, Status = status,
            EndedAt = endedAfter is { } s ? T0.AddSeconds(s) : null, EndsAt = T0.AddSeconds(600 / speed),
        };
        return new DrillRunReport(run, drill, alarms);
    }
}
