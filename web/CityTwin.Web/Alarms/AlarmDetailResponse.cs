using CityTwin.Abstractions.Alarms;

namespace CityTwin.Web.Alarms;

/// <summary>One alarm with its timeline (oldest first) and, for a flood group, its children's ids.</summary>
public sealed record AlarmDetailResponse(AlarmItem Alarm, IReadOnlyList<AlarmEvent> Timeline, IReadOnlyList<string> ChildIds);
