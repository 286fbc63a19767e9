using System.Runtime.Serialization;

namespace CityTwin.Web.History;

/// <summary>The answer of the history endpoints: what, the interval and step asked for, the columns and the points holding data.</summary>
[DataContract]
public sealed record HistoryResponse(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "level")] string Level,
    [property: DataMember(Name = "from")] DateTimeOffset From,
    [property: DataMember(Name = "to")] DateTimeOffset To,
    [property: DataMember(Name = "stepMinutes")] int StepMinutes,
    [property: DataMember(Name = "columns")] IReadOnlyList<HistoryColumn> Columns,
    [property: DataMember(Name = "points")] IReadOnlyList<HistoryPointResponse> Points);
