namespace CityTwin.Web.Tours;

/// <summary>Body of <c>POST /api/tour-sessions/{code}/stop</c>: the 0-based stop to show.</summary>
public sealed record TourStopRequest(int? Index);
