using System.Globalization;
using CityTwin.Abstractions.History;

namespace CityTwin.Web.History;

/// <summary>
/// Reads <c>from</c>, <c>to</c>, <c>step</c> and <c>format</c> of the history endpoints, with a
/// message naming the field when one is wrong. Times are ISO 8601 instants of simulated time
/// (default: the last 24 hours up to the city clock). A step is seconds (<c>60</c>) or a number
/// with a unit (<c>1m</c>, <c>15m</c>, <c>1h</c>, <c>1d</c>), whole minutes from 1 minute to 1 day;
/// from 15 minutes on it must be a multiple of 15 minutes (it is built from the 15-minute ring).
/// </summary>
public static class HistoryRequestParser
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);
    public const int MaxPoints = 2000;
    public const int MaxStepMinutes = 24 * 60;

    public static bool TryParse(string? from, string? to, string? step, string? format, bool csvRoute, DateTimeOffset now,
        out HistoryRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        request = new HistoryRequest(new HistoryQuery(now, now, 1), false);

        var end = now;
        if (to is not null && !TryInstant(to, out end))
        {
            errors["to"] = ["to must be an ISO 8601 instant, e.g. 2026-12-07T06:00:00+09:00"];
            end = now;
        }
        var start = end - DefaultRange;
        if (from is not null && !TryInstant(from, out start)) errors["from"] = ["from must be an ISO 8601 instant, e.g. 2026-12-06T06:00:00+09:00"];

        int? stepMinutes = null;
        if (step is not null)
        {
            if (!TryStepMinutes(step, out var m, out var stepError)) errors["step"] = [stepError];
            else stepMinutes = m;
        }

        var csv = csvRoute;
        if (format is not null)
        {
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) csv = true;
            else if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)) errors["format"] = ["format must be json or csv"];
        }
        if (errors.Count > 0) return false;

        if (end < start) errors["from"] = ["from must not be after to"];
        else if (end - start > MaxRange) errors["from"] = [$"from and to may be at most {MaxRange.TotalDays:0} days apart (the longest history kept)"];
        if (errors.Count > 0) return false;

        var minutes = stepMinutes ?? (end - start <= DefaultRange ? 1 : 15);
        var points = (end - start).TotalMinutes / minutes + 1;
        if (points > MaxPoints)
        {
            errors["step"] = [$"step {minutes} min gives {points:0} points; at most {MaxPoints} (use a coarser step or a shorter range)"];
            return false;
        }
        request = new HistoryRequest(new HistoryQuery(start, end, minutes), csv);
        return true;
    }

    private static bool TryInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
        && value.Year is >= 2000 and <= 2200;

    private static bool TryStepMinutes(string text, out int minutes, out string error)
    {
        minutes = 0;
        error = "step must be seconds (60) or a number with a unit (1m, 15m, 1h, 1d), whole minutes from 1m to 1d";
        var t = text.Trim();
        if (t.Length == 0) return false;
        var unit = char.ToLowerInvariant(t[^1]);
        var seconds = unit switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86400L, _ => 0L };
        var number = seconds == 0 ? t : t[..^1];
        if (seconds == 0) seconds = 1;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > MaxStepMinutes * 60L) return false;
        var total = n * seconds;
        if (total % 60 != 0 || total / 60 > MaxStepMinutes) return false;
        minutes = (int)(total / 60);
        if (minutes >= 15 && minutes % 15 != 0)
        {
            error = "step from 15 minutes on must be a multiple of 15 minutes (15m, 30m, 1h, ...)";
            minutes = 0;
            return false;
        }
        return true;
    }
}
