namespace CityTwin.Web.Tours;

/// <summary>SignalR <c>tourEnded</c>: the presenter ended the session.</summary>
public sealed record TourEndedFrame(string Code);
