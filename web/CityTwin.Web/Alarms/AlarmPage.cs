namespace CityTwin.Web.Alarms;

/// <summary>One page of the alarm list, sorted by severity then age.</summary>
public sealed record AlarmPage(int Total, int Page, int PageSize, IReadOnlyList<AlarmItem> Items);
