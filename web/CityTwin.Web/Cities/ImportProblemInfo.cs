namespace CityTwin.Web.Cities;

/// <summary>One message of an import, as the page lists it per file and feature.</summary>
public sealed record ImportProblemInfo(string File, string? Feature, string Message);
