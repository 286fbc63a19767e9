using System.Globalization;
using CityTwin.Abstractions.Clock;

namespace CityTwin.Web.Api;

/// <summary>A clock change in words, for the audit log and the log.</summary>
public static class ClockChange
{
    public static string Describe(ClockRequest request, ClockState result)
    {
        var parts = new List<string>();
        if (request.SimTime is { } t) parts.Add("time " + t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        if (request.Speed is { } s) parts.Add("speed " + s.ToString("0.##", CultureInfo.InvariantCulture) + "×");
        if (request.Paused is { } p) parts.Add(p ? "paused" : "resumed");
        return $"{string.Join(", ", parts)} (now {result.SimTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, {result.Speed.ToString("0.##", CultureInfo.InvariantCulture)}×{(result.Paused ? ", paused" : "")})";
    }
}
