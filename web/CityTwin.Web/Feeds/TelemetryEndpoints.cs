using CityTwin.Web.Boundaries;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Feeds;

/// <summary>
/// <c>POST /api/telemetry</c>: a device gateway sends a batch of readings with a feed token. Good
/// items are taken, bad ones reported by index; only a body that is not a batch is refused whole.
/// Not written to the audit log per request (a feed sends many a second): readings are counted on
/// <c>/metrics</c> and the token records when it was last used.
/// </summary>
public static class TelemetryEndpoints
{
    public const string Route = "/api/telemetry";
    public const string Transport = "http";

    public static void MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, async Task<Results<Accepted<TelemetryResponse>, ProblemHttpResult>> (
            HttpContext http, TelemetryParser parser, FeedIngestor ingestor, FeedMetrics metrics, ILogger<TelemetryResponse> logger) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var accepted = new List<FeedReading>();
            var rejected = new List<FeedRejection>();
            var positions = new List<int>();
            if (parser.ParseBatch(body.GetBuffer().AsSpan(0, (int)body.Length), accepted, rejected, positions) is { } error)
            {
                metrics.Malformed(Transport);
                logger.LogWarning("Rejected a telemetry body from {User} with 400: {Error}", Actor.NameOf(http.User), error);
                return BoundaryProblems.Of(StatusCodes.Status400BadRequest, "The body is not a telemetry batch", BoundaryProblems.Body, error);
            }
            metrics.Malformed(Transport, rejected.Count);
            if (rejected.Count > 0)
                logger.LogInformation("Telemetry from {User}: {Rejected} of {Total} items refused, first #{Index}: {Reason}",
                    Actor.NameOf(http.User), rejected.Count, rejected.Count + accepted.Count, rejected[0].Index, rejected[0].Reason);
            var refused = await ingestor.IngestAsync(accepted, Transport, http.RequestAborted);
            foreach (var r in refused) rejected.Add(r with { Index = positions[r.Index] });
            if (refused.Count > 0) rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
            return TypedResults.Accepted((string?)null, new TelemetryResponse(accepted.Count - refused.Count, rejected));
        })
            .Accepts<TelemetryItem[]>("application/json")
            .RequireAuthorization(Policies.Feed)
            .WithTags("Feeds")
            .WithSummary("Send a batch of readings [{assetId, ts, values:{channel:number}}] with a feed token; 202 {accepted, rejected:[{index, reason}]}");
    }
}
