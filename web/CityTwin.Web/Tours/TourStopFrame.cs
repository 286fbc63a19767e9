using System.Globalization;
using System.Runtime.Serialization;
using CityTwin.Abstractions.Tours;

namespace CityTwin.Web.Tours;

/// <summary>
/// What a follower's map needs of a session (SignalR <c>tourStop</c> and the answer to
/// <c>JoinTour</c>): the current stop, flat, with its texts in every language, where it is in the
/// tour, and a version that only goes up, so a late push never moves the map back. DataMember names
/// keep MessagePack keys lower camel case like JSON.
/// </summary>
[DataContract]
public sealed record TourStopFrame(
    [property: DataMember(Name = "code")] string Code,
    [property: DataMember(Name = "tourId")] string TourId,
    [property: DataMember(Name = "tourTitle")] IReadOnlyDictionary<string, string> TourTitle,
    [property: DataMember(Name = "stopIndex")] int StopIndex,
    [property: DataMember(Name = "stopCount")] int StopCount,
    [property: DataMember(Name = "version")] long Version,
    [property: DataMember(Name = "presenter")] string Presenter,
    [property: DataMember(Name = "targetKind")] string TargetKind,
    [property: DataMember(Name = "targetId")] string TargetId,
    [property: DataMember(Name = "title")] IReadOnlyDictionary<string, string> Title,
    [property: DataMember(Name = "narrative")] IReadOnlyDictionary<string, string> Narrative,
    [property: DataMember(Name = "center")] IReadOnlyList<double> Center,
    [property: DataMember(Name = "zoom")] double Zoom,
    [property: DataMember(Name = "bearing")] double Bearing,
    [property: DataMember(Name = "pitch")] double Pitch,
    [property: DataMember(Name = "layers")] IReadOnlyList<string> Layers,
    [property: DataMember(Name = "kpi")] string? Kpi,
    [property: DataMember(Name = "simTime")] string? SimTime,
    [property: DataMember(Name = "replayTime")] string? ReplayTime = null,
    [property: DataMember(Name = "scenarioId")] string? ScenarioId = null)
{
    public static TourStopFrame Of(TourSessionView session)
    {
        var stop = session.Tour.Stops[session.StopIndex];
        return new(
            session.Code, session.Tour.Id, session.Tour.Title, session.StopIndex, session.Tour.Stops.Count, session.Version, session.Presenter,
            stop.Target.Kind, stop.Target.Id, stop.Title, stop.Narrative,
            stop.Camera.Center, stop.Camera.Zoom, stop.Camera.Bearing, stop.Camera.Pitch, stop.Layers, stop.Kpi,
            stop.SimTime?.ToString("O", CultureInfo.InvariantCulture),
            stop.ReplayTime?.ToString("O", CultureInfo.InvariantCulture), stop.ScenarioId);
    }
}
