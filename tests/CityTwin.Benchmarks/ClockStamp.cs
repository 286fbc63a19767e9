using System.Runtime.Serialization;

namespace CityTwin.Benchmarks;

/// <summary>The part of a <c>clock</c> frame a benchmark client reads.</summary>
[DataContract]
public sealed record ClockStamp([property: DataMember(Name = "simTime")] string SimTime);
