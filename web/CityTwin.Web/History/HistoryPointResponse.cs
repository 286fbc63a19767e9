using System.Runtime.Serialization;

namespace CityTwin.Web.History;

/// <summary>One step: per column mean, minimum and maximum (null where the column has no data).</summary>
[DataContract]
public sealed record HistoryPointResponse(
    [property: DataMember(Name = "at")] DateTimeOffset At,
    [property: DataMember(Name = "mean")] double?[] Mean,
    [property: DataMember(Name = "min")] double?[] Min,
    [property: DataMember(Name = "max")] double?[] Max);
