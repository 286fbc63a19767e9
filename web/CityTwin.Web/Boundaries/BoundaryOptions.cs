namespace CityTwin.Web.Boundaries;

/// <summary>
/// Limits on what a client may send (section <c>Boundaries</c>). Sized for the planner UI and
/// scripted clients with room to spare, so only abuse or a broken client ever meets them.
/// </summary>
public sealed record BoundaryOptions
{
    public const string Section = "Boundaries";

    /// <summary>Largest request body of any endpoint not named below.</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Largest scenario definition (<c>POST /api/scenarios</c>): a few hand-drawn polygons and many interventions fit.</summary>
    public long ScenarioBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Largest tour (<c>POST</c>/<c>PUT /api/tours</c>, import): 50 stops with texts in six languages.</summary>
    public long TourBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest clock change (<c>POST /api/clock</c>): three small fields.</summary>
    public long ClockBodyBytes { get; init; } = 4 * 1024;

    /// <summary>Largest telemetry batch (<c>POST /api/telemetry</c>): 10,000 readings of about 100 bytes fit with room.</summary>
    public long TelemetryBodyBytes { get; init; } = 4 * 1024 * 1024;
    /// <summary>Largest city-pack import upload (<c>POST /api/cities/import</c>): boundary, building and road files together.</summary>
    public long CityImportBodyBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Longest route value (ids, codes, names); longer ones are refused before any grain is asked.</summary>
    public int MaxRouteValueLength { get; init; } = 256;

    /// <summary>How many scenarios one client may submit per window.</summary>
    public SubmissionRateOptions ScenarioSubmissions { get; init; } = new();

    /// <summary>The policy of the app's own pages: scripts, styles and connections from this origin only.</summary>
    public string ContentSecurityPolicy { get; init; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of generated and third-party pages (the API reference, the Orleans dashboard, the
    /// printable policy brief) that carry inline scripts or styles of their own.
    /// </summary>
    public string InlineContentPagePolicy { get; init; } =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
