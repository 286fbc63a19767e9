using CityTwin.Abstractions.Drills;

namespace CityTwin.Web.Drills;

/// <summary>The after-action report of a run (<c>GET /api/drills/runs/{runId}/report</c>).</summary>
public sealed record DrillReportResponse(
    DrillRunInfo Run,
    DrillResponse Drill,
    DrillScore Score,
    IReadOnlyList<DrillAlarmScore> Alarms,
    IReadOnlyList<DrillTimelineEntry> Timeline,
    DateTimeOffset GeneratedAt);
