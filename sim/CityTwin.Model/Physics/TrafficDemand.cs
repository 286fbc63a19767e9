namespace CityTwin.Model.Physics;

/// <summary>
/// City-wide road traffic demand as a multiple of the average weekday's hourly mean (1.0).
/// Weekday shape from the MOLIT road traffic surveys (2017 and 2024): 76.4 % of the day's
/// traffic between 07 and 19 h (the profile's hours 7–18 sum to 0.764 × 24 = 18.34), the
/// 17–18 h hour at 176 % of the hourly mean, 03–04 h at about 12 %, a morning peak at 07–09 h
/// (KOTI: only 17 % of commuters leave before 07 h) and Fridays at 107 %. Weekend shape and
/// levels (Saturday 92 %, Sunday 80 %) are assumptions: no Korean figure was found.
/// </summary>
public static class TrafficDemand
{
    /// <summary>Hour h is the mean over [h, h+1). Mean of the 24 values = 1.000.</summary>
    public static IReadOnlyList<double> WeekdayProfile { get; } =
    [
        0.32, 0.20, 0.14, 0.12, 0.16, 0.34, 0.72, 1.42, 1.68, 1.46, 1.38, 1.40,
        1.38, 1.44, 1.50, 1.60, 1.70, 1.76, 1.62, 1.22, 0.88, 0.66, 0.50, 0.40,
    ];

    /// <summary>Weekend: no commute peak, a broad midday-afternoon plateau of leisure trips. Mean 1.000.</summary>
    public static IReadOnlyList<double> WeekendProfile { get; } = Normalise(
    [
        0.45, 0.30, 0.20, 0.15, 0.15, 0.25, 0.40, 0.60, 0.85, 1.10, 1.35, 1.50,
        1.55, 1.60, 1.60, 1.60, 1.55, 1.50, 1.40, 1.20, 1.00, 0.80, 0.60, 0.50,
    ]);

    public static double DayFactor(DayOfWeek day) => day switch
    {
        DayOfWeek.Friday => 1.07,
        DayOfWeek.Saturday => 0.92,
        DayOfWeek.Sunday => 0.80,
        _ => 1.0,
    };

    /// <summary>
    /// Demand at an instant. Each hourly value is placed at the middle of its hour and neighbours
    /// are joined linearly, so the demand changes smoothly (no step at hh:00) while each hour keeps
    /// its surveyed mean to within a few per cent; across midnight the next day's profile is used.
    /// </summary>
    /// <param name="localTime">The instant on the city's civil clock (its offset is the city's at that instant).</param>
    public static double At(DateTimeOffset localTime)
    {
        var local = localTime;
        var hour = CityClock.LocalHour(localTime, localTime.Offset);
        var x = hour - 0.5;
        var i = (int)Math.Floor(x);
        var f = x - i;
        var today = local.DayOfWeek;
        var a = Value(today, i);
        var b = Value(today, i + 1);
        return a + (b - a) * f;
    }

    /// <summary>Profile value for hour <paramref name="hour"/> of <paramref name="day"/>; −1 and 24 reach into the neighbouring days.</summary>
    public static double Value(DayOfWeek day, int hour)
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
        var profile = day is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendProfile : WeekdayProfile;
        return profile[hour] * DayFactor(day);
    }

    private static double[] Normalise(double[] values)
    {
        var mean = values.Average();
        for (var i = 0; i < values.Length; i++) values[i] /= mean;
        return values;
    }
}
