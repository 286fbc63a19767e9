namespace CityTwin.Web.Tours;

/// <summary>SignalR <c>tourPing</c>: the presenter pointed at [lon, lat]; followers' maps pulse there.</summary>
public sealed record TourPingFrame(string Code, double Lon, double Lat);
