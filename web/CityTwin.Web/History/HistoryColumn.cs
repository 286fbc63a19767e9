using System.Runtime.Serialization;

namespace CityTwin.Web.History;

/// <summary>A column of a history series: a telemetry channel or a KPI, with its unit (empty when none).</summary>
[DataContract]
public sealed record HistoryColumn(
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "unit")] string Unit);
