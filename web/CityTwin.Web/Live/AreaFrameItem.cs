using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>One area in a <c>districts</c> frame: level is <c>city</c>, <c>gu</c> or <c>dong</c>.</summary>
[DataContract]
public sealed record AreaFrameItem(
    [property: DataMember(Name = "code")] string Code,
    [property: DataMember(Name = "level")] string Level,
    [property: DataMember(Name = "kpis")] IReadOnlyDictionary<string, double> Kpis);
