using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>The <c>scenario</c> frame: a run's status (lower case) and progress (0–1).</summary>
[DataContract]
public sealed record ScenarioProgressFrame(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "status")] string Status,
    [property: DataMember(Name = "progress")] double Progress);
