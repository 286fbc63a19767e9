using System.Runtime.Serialization;
using CityTwin.Web.Live;

namespace CityTwin.Web.History;

/// <summary>
/// The map at one past minute: area KPIs shaped like the live <c>districts</c> frame items (city,
/// gu, dong) and, when a bbox was given, the status of every asset in it (offline where nothing
/// had been heard by then).
/// </summary>
[DataContract]
public sealed record ReplayResponse(
    [property: DataMember(Name = "at")] DateTimeOffset At,
    [property: DataMember(Name = "areas")] IReadOnlyList<AreaFrameItem> Areas,
    [property: DataMember(Name = "assets")] IReadOnlyList<ReplayAsset> Assets);
