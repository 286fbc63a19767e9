using System.Runtime.Serialization;
using CityTwin.Abstractions.Alarms;
using CityTwin.Web.Live;

namespace CityTwin.Web.Alarms;

/// <summary>
/// What a map client sends to <c>WatchAlarms</c>: <c>{bbox:[w,s,e,n], list, severity, service}</c>.
/// <c>bbox</c> is the map's view (its alarm markers; omit it to watch no map area); <c>list</c> says
/// the alarm list is open, with its <c>severity</c> and <c>service</c> filters (comma lists, empty =
/// all), so the client also hears of every change the list could show, wherever it is.
/// </summary>
[DataContract]
public sealed class AlarmWatchRequest
{
    [DataMember(Name = "bbox")]
    public double[]? Bbox { get; set; }

    [DataMember(Name = "list")]
    public bool List { get; set; }

    [DataMember(Name = "severity")]
    public string? Severity { get; set; }

    [DataMember(Name = "service")]
    public string? Service { get; set; }

    /// <summary>The watch, or an error message naming the field.</summary>
    public (AlarmWatch? Watch, string? Error) Validate()
    {
        Viewport? view = null;
        if (Bbox is not null)
        {
            var (viewport, error) = new SubscribeRequest { Bbox = Bbox, Zoom = 0 }.Validate();
            if (viewport is null) return (null, error);
            view = viewport;
        }
        var severities = Parse<AlarmSeverity>(Severity, "severity", out var severityError);
        if (severityError is not null) return (null, severityError);
        var services = Parse<ServiceArea>(Service, "service", out var serviceError);
        if (serviceError is not null) return (null, serviceError);
        return (new AlarmWatch(view, List, severities, services), null);
    }

    private static HashSet<T>? Parse<T>(string? text, string field, out string? error) where T : struct, Enum
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var set = new HashSet<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AlarmNames.TryParse<T>(part, out var value))
            {
                error = $"{field} must be a comma list of {AlarmNames.Choices<T>()}";
                return null;
            }
            set.Add(value);
        }
        return set;
    }
}
