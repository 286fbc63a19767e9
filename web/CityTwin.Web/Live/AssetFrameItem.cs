using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>One asset in an <c>assets</c> frame. DataMember names keep MessagePack keys lower camel case like JSON.</summary>
[DataContract]
public sealed record AssetFrameItem(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "status")] string Status,
    [property: DataMember(Name = "values")] IReadOnlyDictionary<string, double> Values,
    [property: DataMember(Name = "ts")] long Ts);
