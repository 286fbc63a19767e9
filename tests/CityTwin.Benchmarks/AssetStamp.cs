using System.Runtime.Serialization;

namespace CityTwin.Benchmarks;

/// <summary>
/// The part of an <c>assets</c> item a benchmark client needs (id and sensor timestamp). Both
/// protocols skip the other keys, so clients spend little of the shared CPU on deserialising.
/// </summary>
[DataContract]
public sealed record AssetStamp([property: DataMember(Name = "id")] string Id, [property: DataMember(Name = "ts")] long Ts);
