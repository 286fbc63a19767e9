namespace CityTwin.Scenarios.Engine;

/// <summary>A daily window of local hours (it may run past midnight) during which a factor applies.</summary>
internal readonly record struct HourWindow(double StartHour, double DurationHours, double Factor)
{
    public bool Contains(double localHour)
    {
        var since = localHour - StartHour;
        if (since < 0) since += 24;
        return since < DurationHours;
    }
}
