namespace CityTwin.Web.Alarms;

/// <summary>
/// The body of an alarm action (all optional but where the action needs it): a note (≤ 1,000
/// characters), the assignee (assign) and how many minutes to shelve for (shelve, 1–10,080).
/// </summary>
public sealed record AlarmActionRequest(string? Note = null, string? Assignee = null, double? Minutes = null);
