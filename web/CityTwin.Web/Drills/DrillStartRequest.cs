namespace CityTwin.Web.Drills;

/// <summary>Body of <c>POST /api/drills/{id}/start</c>: how many times faster than written the steps come (1–60, default 1) and a note for the record.</summary>
public sealed record DrillStartRequest(double? Speed = null, string? Note = null);
