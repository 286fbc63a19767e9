using System.Runtime.Serialization;

namespace CityTwin.Web.Tours;

/// <summary>SignalR <c>tourEnded</c>: the presenter ended the session.</summary>
[DataContract]
public sealed record TourEndedFrame([property: DataMember(Name = "code")] string Code);
