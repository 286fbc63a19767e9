using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>The <c>scenario</c> frame: a run's status (lower case), progress (0–1) and, while queued, its queue position.</summary>
[DataContract]
public sealed record ScenarioProgressFrame(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "status")] string Status,
    [property: DataMember(Name = "progress")] double Progress,
    [property: DataMember(Name = "queuePosition")] int? QueuePosition = null);
