using CityTwin.Model.City;

namespace CityTwin.Model.Physics;

/// <summary>
/// Sun position and sunrise/sunset from the NOAA GML Solar Calculator equations, which follow
/// Meeus, Astronomical Algorithms (https://gml.noaa.gov/grad/solcalc/calcdetails.html). NOAA
/// quotes about ±1 minute for sunrise/sunset within ±72° latitude, ample for switching
/// streetlights and driving PV output.
/// </summary>
public static class SolarCalculator
{
    /// <summary>Sun centre altitude at apparent sunrise/sunset: −(34′ refraction + 16′ semi-diameter).</summary>
    public const double HorizonDeg = -0.833;

    private const double Deg = Math.PI / 180;

    /// <summary>Geometric (unrefracted) elevation of the sun's centre, degrees.</summary>
    public static double ElevationDeg(DateTimeOffset instant, double latitudeDeg, double longitudeDeg)
    {
        var t = JulianCentury(instant);
        var (declination, eqTimeMin) = DeclinationAndEquationOfTime(t);
        var utcMinutes = instant.UtcDateTime.TimeOfDay.TotalMinutes;
        // True solar time: clock time corrected by the equation of time and by 4 min per degree of longitude.
        var trueSolarMin = utcMinutes + eqTimeMin + 4 * longitudeDeg;
        trueSolarMin -= 1440 * Math.Floor(trueSolarMin / 1440);
        var hourAngle = trueSolarMin / 4 - 180;
        var lat = latitudeDeg * Deg;
        var cosZenith = Math.Sin(lat) * Math.Sin(declination) + Math.Cos(lat) * Math.Cos(declination) * Math.Cos(hourAngle * Deg);
        return 90 - Math.Acos(Math.Clamp(cosZenith, -1, 1)) / Deg;
    }

    public static double ElevationDeg(DateTimeOffset instant, CityLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return ElevationDeg(instant, location.Latitude, location.Longitude);
    }

    /// <summary>
    /// Sunrise, solar noon and sunset on a local date. NOAA's spreadsheet evaluates the sun at local
    /// noon; here each event is re-evaluated at its own instant (two passes), which removes the
    /// ~1 min error that the declination's drift over six hours would otherwise add.
    /// </summary>
    public static SunTimes SunTimes(DateOnly localDate, double latitudeDeg, double longitudeDeg, TimeSpan utcOffset)
    {
        var midnightUtc = new DateTimeOffset(localDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - utcOffset;
        var noonMin = SolarNoonMinutes(midnightUtc, 720, longitudeDeg, utcOffset);
        noonMin = SolarNoonMinutes(midnightUtc, noonMin, longitudeDeg, utcOffset);
        var rise = EventMinutes(midnightUtc, noonMin, latitudeDeg, longitudeDeg, utcOffset, -1);
        var set = EventMinutes(midnightUtc, noonMin, latitudeDeg, longitudeDeg, utcOffset, +1);
        return new SunTimes(
            At(midnightUtc, rise, utcOffset),
            At(midnightUtc, noonMin, utcOffset),
            At(midnightUtc, set, utcOffset));
    }

    /// <summary>Sun times of a city's local date, on its civil clock (the offset in force at local noon).</summary>
    public static SunTimes SunTimes(DateOnly localDate, CityLocation location, CityClock clock)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(clock);
        var offset = clock.OffsetAt(clock.AtLocal(CityClock.LocalDayIndex(localDate), 12));
        return SunTimes(localDate, location.Latitude, location.Longitude, offset);
    }

    /// <summary>
    /// Clear-sky global horizontal irradiance, W/m², by the Haurwitz model (Haurwitz 1945; one of
    /// the simplest models that Reno, Hansen &amp; Stein, Sandia SAND2012-2389, found competitive).
    /// </summary>
    public static double ClearSkyGhi(double elevationDeg)
    {
        if (elevationDeg <= 0) return 0;
        var cosZ = Math.Sin(elevationDeg * Deg);
        return 1098 * cosZ * Math.Exp(-0.057 / cosZ);
    }

    private static double JulianCentury(DateTimeOffset instant)
    {
        var julianDay = instant.ToUnixTimeMilliseconds() / 86_400_000.0 + 2440587.5;
        return (julianDay - 2451545.0) / 36525.0;
    }

    private static (double DeclinationRad, double EquationOfTimeMin) DeclinationAndEquationOfTime(double t)
    {
        var l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
        var m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        var e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        var mRad = m * Deg;
        var centre = Math.Sin(mRad) * (1.914602 - t * (0.004817 + 0.000014 * t))
            + Math.Sin(2 * mRad) * (0.019993 - 0.000101 * t)
            + Math.Sin(3 * mRad) * 0.000289;
        var trueLong = l0 + centre;
        var omega = (125.04 - 1934.136 * t) * Deg;
        var apparentLong = trueLong - 0.00569 - 0.00478 * Math.Sin(omega);
        var meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        var obliquity = (meanObliquity + 0.00256 * Math.Cos(omega)) * Deg;
        var declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(apparentLong * Deg));
        var y = Math.Tan(obliquity / 2);
        y *= y;
        var l0Rad = l0 * Deg;
        var eqTime = y * Math.Sin(2 * l0Rad) - 2 * e * Math.Sin(mRad) + 4 * e * y * Math.Sin(mRad) * Math.Cos(2 * l0Rad)
            - 0.5 * y * y * Math.Sin(4 * l0Rad) - 1.25 * e * e * Math.Sin(2 * mRad);
        return (declination, 4 * eqTime / Deg);
    }

    private static double SolarNoonMinutes(DateTimeOffset midnightUtc, double localMinutes, double longitudeDeg, TimeSpan utcOffset)
    {
        var (_, eqTime) = DeclinationAndEquationOfTime(JulianCentury(midnightUtc.AddMinutes(localMinutes)));
        return 720 - 4 * longitudeDeg - eqTime + utcOffset.TotalMinutes;
    }

    private static double EventMinutes(DateTimeOffset midnightUtc, double noonMin, double latitudeDeg, double longitudeDeg, TimeSpan utcOffset, int sign)
    {
        var minutes = noonMin;
        for (var pass = 0; pass < 2; pass++)
        {
            var (declination, eqTime) = DeclinationAndEquationOfTime(JulianCentury(midnightUtc.AddMinutes(minutes)));
            var lat = latitudeDeg * Deg;
            var cosHa = Math.Cos((90 - HorizonDeg) * Deg) / (Math.Cos(lat) * Math.Cos(declination)) - Math.Tan(lat) * Math.Tan(declination);
            // Clamping keeps polar day/night finite: the events collapse as SunTimes documents.
            var hourAngle = Math.Acos(Math.Clamp(cosHa, -1, 1)) / Deg;
            var noon = 720 - 4 * longitudeDeg - eqTime + utcOffset.TotalMinutes;
            minutes = noon + sign * 4 * hourAngle;
        }
        return minutes;
    }

    private static DateTimeOffset At(DateTimeOffset midnightUtc, double localMinutes, TimeSpan utcOffset) =>
        midnightUtc.AddTicks((long)Math.Round(localMinutes * TimeSpan.TicksPerMinute)).ToOffset(utcOffset);
}
