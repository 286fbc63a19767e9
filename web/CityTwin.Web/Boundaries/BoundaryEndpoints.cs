namespace CityTwin.Web.Boundaries;

/// <summary>Which endpoint a request reached, as far as the boundary limits care.</summary>
public static class BoundaryEndpoints
{
    public static bool IsScenarioSubmission(HttpContext http) => Is(http, HttpMethods.Post, "/api/scenarios");

    public static bool IsClockChange(HttpContext http) => Is(http, HttpMethods.Post, "/api/clock");

    public static bool IsTelemetry(HttpContext http) => Is(http, HttpMethods.Post, "/api/telemetry");

    /// <summary>A tour document: created, replaced or imported.</summary>
    public static bool IsTourDocument(HttpContext http) =>
        Is(http, HttpMethods.Post, "/api/tours") || Is(http, HttpMethods.Put, "/api/tours/{id}") || Is(http, HttpMethods.Post, "/api/tours/import");

    public static bool IsCityImport(HttpContext http) => Is(http, HttpMethods.Post, Cities.CityImportEndpoints.ImportRoute);

    public static bool IsSignIn(HttpContext http) => Is(http, HttpMethods.Post, "/api/account/sign-in");

    /// <summary>The body limit of the endpoint the request was routed to.</summary>
    public static long BodyLimit(HttpContext http, BoundaryOptions options) =>
        IsScenarioSubmission(http) || Is(http, HttpMethods.Post, "/api/scenarios/retarget") ? options.ScenarioBodyBytes
        : IsClockChange(http) ? options.ClockBodyBytes
        : IsTelemetry(http) ? options.TelemetryBodyBytes
        : IsTourDocument(http) ? options.TourBodyBytes
        : IsCityImport(http) ? options.CityImportBodyBytes
        : options.MaxBodyBytes;

    private static bool Is(HttpContext http, string method, string route) =>
        HttpMethods.Equals(http.Request.Method, method)
        && http.GetEndpoint() is RouteEndpoint e
        && string.Equals(e.RoutePattern.RawText?.TrimEnd('/'), route, StringComparison.OrdinalIgnoreCase);
}
