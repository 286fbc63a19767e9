using CityTwin.Abstractions.Drills;

namespace CityTwin.Web.Drills;

/// <summary>Makes a run's after-action report: its score, each alarm's times, and one timeline of every alarm event and the run's start and end.</summary>
public static class DrillReportBuilder
{
    public static DrillReportResponse Build(DrillRunReport report, DrillCatalog catalog, DateTimeOffset now)
    {
        var (score, alarms) = DrillScoring.Score(report, now);
        var run = report.Run;
        var timeline = new List<DrillTimelineEntry> { new(run.StartedAt, "started", null, null, run.StartedBy, run.Note, null) };
        foreach (var a in report.Alarms)
            timeline.AddRange(a.Timeline.Select(e => new DrillTimelineEntry(e.At, e.Type, a.Alarm.Id, a.Alarm.RuleName, e.Actor, e.Note, e.Value)));
        if (run.EndedAt is { } ended) timeline.Add(new DrillTimelineEntry(ended, run.Status == DrillRunStatus.Stopped ? "stopped" : "finished", null, null, run.EndedBy, null, null));
        return new DrillReportResponse(run, catalog.Of(report.Drill), score, alarms,
            [.. timeline.OrderBy(e => e.At).ThenBy(e => e.AlarmId, StringComparer.Ordinal)], now);
    }
}
