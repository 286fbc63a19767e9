using CityTwin.Abstractions.Alarms;
using CityTwin.Web.Live;

namespace CityTwin.Web.Alarms;

/// <summary>
/// What one client watches of the alarms: the map's view (markers for what is in it) and, while
/// its alarm list is open, the list's severity and service filters over the whole city. The list
/// ignores the map because an operator expects the list to be the city's; the markers follow the map.
/// A state filter is not part of it: a change of state is exactly what moves an alarm into or out
/// of a list filtered by state, so the client hears of every change of the severities and services shown.
/// </summary>
public sealed record AlarmWatch(Viewport? View, bool List, IReadOnlySet<AlarmSeverity>? Severities, IReadOnlySet<ServiceArea>? Services)
{
    public static readonly AlarmWatch Nothing = new(null, false, null, null);

    /// <summary>Whether a change of <paramref name="alarm"/>, at <paramref name="lon"/>/<paramref name="lat"/>, concerns this client.</summary>
    public bool Wants(AlarmView alarm, double lon, double lat) =>
        View is { } view && view.Contains(lon, lat) || InList(alarm);

    private bool InList(AlarmView alarm) =>
        List && (Severities is null || Severities.Contains(alarm.Severity)) && (Services is null || Services.Contains(alarm.Service));
}
