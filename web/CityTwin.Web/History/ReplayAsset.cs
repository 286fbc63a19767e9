using System.Runtime.Serialization;

namespace CityTwin.Web.History;

/// <summary>An asset's status at the replayed minute (<c>ok</c>, <c>warning</c>, <c>alarm</c>, <c>offline</c>).</summary>
[DataContract]
public sealed record ReplayAsset(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "status")] string Status);
