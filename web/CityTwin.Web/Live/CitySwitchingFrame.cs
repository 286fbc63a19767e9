using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>
/// The <c>citySwitching</c> frame, sent to every map just before the host stops for a city switch:
/// the city coming (id and names per language), the one going, and the size of what is loading.
/// </summary>
[DataContract]
public sealed record CitySwitchingFrame(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "names")] IReadOnlyDictionary<string, string> Names,
    [property: DataMember(Name = "from")] string From,
    [property: DataMember(Name = "dongs")] int Dongs,
    [property: DataMember(Name = "assets")] int Assets);
