namespace CityTwin.Web.Tours;

/// <summary>Body of <c>POST /api/tour-sessions/{code}/ping</c>: the point to show followers.</summary>
public sealed record TourPingRequest(double? Lon, double? Lat);
