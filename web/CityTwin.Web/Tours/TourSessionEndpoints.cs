using CityTwin.Abstractions.Tours;
using CityTwin.Accounts;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Tours;

/// <summary>
/// Presenting a tour. A trainer starts a session and gets a join code; anyone reads it and follows
/// it over SignalR (<c>JoinTour</c>); only its presenter (or an admin) moves it, pings or ends it —
/// a follower's request is refused here, on the server, whatever the page offers.
/// </summary>
public static class TourSessionEndpoints
{
    public const string Route = "/api/tour-sessions";

    public static void MapTourSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{TourEndpoints.Route}/{{id}}/present", async Task<Results<Created<TourSessionResponse>, ProblemHttpResult>> (
            string id, HttpContext http, TourCatalog catalog, IGrainFactory grains, ILogger<TourSessionResponse> logger) =>
        {
            if (await (await catalog.GrainAsync()).GetAsync(id) is not { } tour)
                return TypedResults.Problem($"No tour {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown tour");
            // A code already in use is drawn again; with 244 million codes this almost never repeats.
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var code = JoinCodes.New();
                if (await grains.GetGrain<ITourSessionGrain>(code).StartAsync(tour, Actor.NameOf(http.User)) is not { } session) continue;
                await http.AuditAsync(AuditActions.TourPresent, target: code, detail: $"tour {tour.Id}");
                logger.LogInformation("{User} presents tour {Tour} under code {Code}", session.Presenter, tour.Id, code);
                return TypedResults.Created($"{Route}/{code}", TourSessionResponse.Of(session, http.Request));
            }
            return TypedResults.Problem("No free join code was found; try again", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }).RequireAuthorization(Policies.Touring).WithTags("Tours")
            .WithSummary("Present a tour (trainer): 201 with the join code, the join link and its QR code");

        var sessions = app.MapGroup(Route).WithTags("Tours");

        sessions.MapGet("/{code}", async Task<Results<Ok<TourSessionResponse>, ProblemHttpResult>> (string code, HttpContext http, IGrainFactory grains) =>
            await SessionAsync(code, grains) is { } session ? TypedResults.Ok(TourSessionResponse.Of(session, http.Request)) : NotFound(code))
            .WithSummary("A live session: the tour, the current stop, the join link");

        sessions.MapGet("/{code}/qr.svg", Results<ContentHttpResult, ProblemHttpResult> (string code, HttpContext http) =>
            JoinCodes.Normalise(code) is { } canonical
                ? TypedResults.Content(TourQrCode.Svg(TourSessionResponse.JoinUrlOf(canonical, http.Request)), TourQrCode.ContentType)
                : NotFound(code))
            .Produces<string>(StatusCodes.Status200OK, TourQrCode.ContentType)
            .WithSummary("The join link as a QR code (SVG)");

        sessions.MapPost("/{code}/stop", async Task<Results<Ok<TourSessionResponse>, ValidationProblem, ProblemHttpResult>> (
            string code, TourStopRequest? request, HttpContext http, IGrainFactory grains, ILogger<TourStopRequest> logger) =>
        {
            var (session, refusal) = await DrivenSessionAsync(code, http, grains, AuditActions.TourStop);
            if (session is null) return refusal!;
            if (request?.Index is not { } index || index < 0 || index >= session.Tour.Stops.Count)
            {
                logger.LogWarning("Rejected tour stop {Index} for session {Code}", request?.Index, session.Code);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["index"] = [$"Give the stop to show, 0 to {session.Tour.Stops.Count - 1}"],
                });
            }
            var moved = await grains.GetGrain<ITourSessionGrain>(session.Code).GoToAsync(index);
            if (moved is null) return NotFound(code);
            await http.AuditAsync(AuditActions.TourStop, target: session.Code, detail: $"stop {index + 1} of {session.Tour.Stops.Count}");
            return TypedResults.Ok(TourSessionResponse.Of(moved, http.Request));
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Show another stop to every follower (the session's presenter, or an admin)");

        sessions.MapPost("/{code}/ping", async Task<Results<Accepted<TourPingFrame>, ValidationProblem, ProblemHttpResult>> (
            string code, TourPingRequest? request, HttpContext http, IGrainFactory grains, ILogger<TourPingRequest> logger) =>
        {
            var (session, refusal) = await DrivenSessionAsync(code, http, grains, AuditActions.TourPing);
            if (session is null) return refusal!;
            var errors = new Dictionary<string, string[]>();
            if (request?.Lon is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180) errors["lon"] = ["Longitude must be between -180 and 180"];
            if (request?.Lat is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90) errors["lat"] = ["Latitude must be between -90 and 90"];
            if (errors.Count > 0)
            {
                logger.LogWarning("Rejected tour ping for session {Code}: {Fields}", session.Code, string.Join(", ", errors.Keys));
                return TypedResults.ValidationProblem(errors);
            }
            if (!await grains.GetGrain<ITourSessionGrain>(session.Code).PingAsync(request!.Lon!.Value, request.Lat!.Value)) return NotFound(code);
            await http.AuditAsync(AuditActions.TourPing, target: session.Code, detail: $"{request.Lon:0.#####}, {request.Lat:0.#####}");
            return TypedResults.Accepted((string?)null, new TourPingFrame(session.Code, request.Lon.Value, request.Lat.Value));
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Show followers a pulse at a point of the map (the session's presenter, or an admin)");

        sessions.MapDelete("/{code}", async Task<Results<NoContent, ProblemHttpResult>> (string code, HttpContext http, IGrainFactory grains) =>
        {
            var (session, refusal) = await DrivenSessionAsync(code, http, grains, AuditActions.TourEnd);
            if (session is null) return refusal!;
            await grains.GetGrain<ITourSessionGrain>(session.Code).EndAsync();
            await http.AuditAsync(AuditActions.TourEnd, target: session.Code, detail: $"tour {session.Tour.Id}");
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("End the session for everyone (the session's presenter, or an admin)");
    }

    private static async Task<TourSessionView?> SessionAsync(string code, IGrainFactory grains) =>
        JoinCodes.Normalise(code) is { } canonical ? await grains.GetGrain<ITourSessionGrain>(canonical).GetAsync() : null;

    /// <summary>The session when the caller drives it (its presenter, or an admin); else why not, audited when refused.</summary>
    private static async Task<(TourSessionView? Session, ProblemHttpResult? Refusal)> DrivenSessionAsync(string code, HttpContext http, IGrainFactory grains, string action)
    {
        if (await SessionAsync(code, grains) is not { } session) return (null, NotFound(code));
        if (session.Presenter == Actor.NameOf(http.User) || http.User.IsInRole(Roles.Admin)) return (session, null);
        await http.AuditAsync(action, AuditOutcomes.Refused, session.Code, $"presented by {session.Presenter}");
        return (null, TypedResults.Problem($"Session {session.Code} is presented by {session.Presenter}; only they (or an admin) can drive it",
            statusCode: StatusCodes.Status403Forbidden, title: "Not the presenter"));
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem($"No tour session {code}: it has ended or the code is mistyped", statusCode: StatusCodes.Status404NotFound, title: "Unknown session");
}
