namespace CityTwin.Model.Physics;

/// <summary>
/// An hourly weekday and weekend shape, normalised so its weekly mean is 1 (five weekdays, two
/// weekend days). Values are hour means placed at mid-hour and joined linearly, so the curve is
/// continuous across hours and across midnight into the next day.
/// </summary>
public sealed class DailyProfile
{
    private readonly double[] _weekday;
    private readonly double[] _weekend;

    public DailyProfile(IReadOnlyList<double> weekday, IReadOnlyList<double> weekend)
    {
        if (weekday.Count != 24 || weekend.Count != 24) throw new ArgumentException("profiles need 24 hourly values");
        double sumWeekday = 0, sumWeekend = 0;
        for (var h = 0; h < 24; h++)
        {
            sumWeekday += weekday[h];
            sumWeekend += weekend[h];
        }
        var weeklyMean = (5 * sumWeekday + 2 * sumWeekend) / (7 * 24);
        _weekday = new double[24];
        _weekend = new double[24];
        for (var h = 0; h < 24; h++)
        {
            _weekday[h] = weekday[h] / weeklyMean;
            _weekend[h] = weekend[h] / weeklyMean;
        }
    }

    public static DailyProfile SameEveryDay(IReadOnlyList<double> hourly) => new(hourly, hourly);

    public double Hour(DayOfWeek day, int hour)
    {
        if (hour < 0)
        {
            day = (DayOfWeek)(((int)day + 6) % 7);
            hour += 24;
        }
        else if (hour > 23)
        {
            day = (DayOfWeek)(((int)day + 1) % 7);
            hour -= 24;
        }
        return (day is DayOfWeek.Saturday or DayOfWeek.Sunday ? _weekend : _weekday)[hour];
    }

    public double At(DayOfWeek day, double localHour)
    {
        var x = localHour - 0.5;
        var i = (int)Math.Floor(x);
        var f = x - i;
        var a = Hour(day, i);
        return a + (Hour(day, i + 1) - a) * f;
    }
}
