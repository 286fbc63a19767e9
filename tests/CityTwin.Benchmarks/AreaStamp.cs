using System.Runtime.Serialization;

namespace CityTwin.Benchmarks;

/// <summary>The part of a <c>districts</c> item a benchmark client reads.</summary>
[DataContract]
public sealed record AreaStamp([property: DataMember(Name = "code")] string Code, [property: DataMember(Name = "level")] string Level);
