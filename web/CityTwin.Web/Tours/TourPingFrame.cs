using System.Runtime.Serialization;

namespace CityTwin.Web.Tours;

/// <summary>SignalR <c>tourPing</c>: the presenter pointed at [lon, lat]; followers' maps pulse there.</summary>
[DataContract]
public sealed record TourPingFrame(
    [property: DataMember(Name = "code")] string Code,
    [property: DataMember(Name = "lon")] double Lon,
    [property: DataMember(Name = "lat")] double Lat);
