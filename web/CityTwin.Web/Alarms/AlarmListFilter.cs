using CityTwin.Abstractions.Alarms;
using CityTwin.Model.City;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The query of <c>GET /api/alarms</c> and <c>/api/alarms.csv</c>, checked field by field:
/// <c>state</c> (ISA states, <c>active</c>, <c>open</c> = not closed, <c>shelved</c>; comma lists),
/// <c>severity</c>, <c>service</c> (comma lists), <c>area</c> (gu or dong code), <c>from</c>/<c>to</c>
/// (simulated time), <c>parent</c> (one flood group's children).
/// </summary>
public static class AlarmListFilter
{
    public static (AlarmQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? state, string? severity, string? area, string? service, DateTimeOffset? from, DateTimeOffset? to, string? parent, CityCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        List<AlarmState>? states = null;
        bool? shelved = null;
        foreach (var s in Split(state))
        {
            switch (s.ToLowerInvariant())
            {
                case "shelved": shelved = true; break;
                case "active": (states ??= []).AddRange([AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged]); break;
                case "open": (states ??= []).AddRange([AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ClearedUnacknowledged]); break;
                default:
                    if (AlarmNames.TryParse<AlarmState>(s, out var st)) (states ??= []).Add(st);
                    else errors["state"] = [$"Unknown state '{InputEcho.Clip(s)}': use {AlarmNames.Choices<AlarmState>()}, active, open or shelved"];
                    break;
            }
        }
        var severities = ParseList<AlarmSeverity>(severity, "severity", errors);
        var services = ParseList<ServiceArea>(service, "service", errors);
        if (area is not null && catalog.FindDistrict(area) is null && catalog.FindDong(area) is null)
            errors["area"] = [$"No gu or dong with code '{InputEcho.Clip(area)}'"];
        if (from is { } f && to is { } t && t < f) errors["to"] = ["'to' is before 'from'"];
        if (parent is not null && IAlarmBookGrain.BookOf(parent) is null) errors["parent"] = [$"'{InputEcho.Clip(parent)}' is not an alarm id"];
        if (errors.Count > 0) return (null, errors);
        return (new AlarmQuery
        {
            States = states, Shelved = shelved, Severities = severities, Services = services, Area = area,
            From = from, To = to, ParentId = parent,
        }, errors);
    }

    private static List<T>? ParseList<T>(string? text, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        List<T>? list = null;
        foreach (var s in Split(text))
        {
            if (AlarmNames.TryParse<T>(s, out var v)) (list ??= []).Add(v);
            else errors[field] = [$"Unknown {field} '{InputEcho.Clip(s)}': use {AlarmNames.Choices<T>()}"];
        }
        return list;
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

}
