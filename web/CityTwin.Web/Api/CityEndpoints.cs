using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;
using CityTwin.Simulation;
using CityTwin.Accounts;
using CityTwin.Web.Live;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Api;

/// <summary>City-wide endpoints: the city, the asset kinds, the clock and the health check.</summary>
public static class CityEndpoints
{
    public static void MapCityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("City");

        api.MapGet("/city", async (CityCatalog catalog, IGrainFactory grains, FrameFactory frames) =>
        {
            var city = grains.GetGrain<ICityGrain>(catalog.Id);
            var clock = await city.GetClockAsync();
            var kpis = await city.GetKpisAsync();
            var b = catalog.Bounds;
            var home = catalog.HomeBounds;
            var pack = catalog.Pack;
            return new CityResponse(
                catalog.Id, pack.Names, pack.TimeZoneId, pack.Locale,
                [b.MinX, b.MinY, b.MaxX, b.MaxY], [home.MinX, home.MinY, home.MaxX, home.MaxY], [home.Centre.X, home.Centre.Y],
                frames.Clock(clock), kpis.ToPublic(),
                AssetKinds.All.ToDictionary(k => k.WireName, k => catalog.CountOf(k.Kind)),
                catalog.Districts.Count, catalog.Dongs.Count, pack.Attribution);
        }).WithSummary("The city: names, time zone, locale, extent, clock, weather, city-wide KPIs, asset counts and data attribution (from its pack)");

        api.MapGet("/kinds", (CityCatalog catalog) => TypedResults.Ok<IReadOnlyList<KindInfo>>([.. AssetKinds.All.Select(k => new KindInfo(
                k.WireName, k.DisplayName,
                [.. k.Channels.Select((c, i) => new ChannelInfo(c, k.Units[i]))],
                [.. k.Rules.Select(r => new RuleInfo(k.Channels[r.Channel], r.Warning, r.Alarm, r.HighIsBad))],
                catalog.CountOf(k.Kind)))]))
            .WithSummary("Asset kinds with their telemetry channels, units and alarm thresholds");

        api.MapGet("/clock", async (CityCatalog catalog, IGrainFactory grains, FrameFactory frames) =>
            TypedResults.Ok(frames.Clock(await grains.GetGrain<ICityGrain>(catalog.Id).GetClockAsync())))
            .WithSummary("The simulated clock with sunrise, sunset and weather");

        api.MapPost("/clock", async Task<Results<Ok<ClockFrame>, ValidationProblem>> (ClockRequest? request, HttpContext http, CityCatalog catalog, IGrainFactory grains, FrameFactory frames, ILogger<ClockRequest> logger) =>
        {
            if (request is null || (request.Speed is null && request.Paused is null && request.SimTime is null))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Give at least one of speed, paused, simTime"] });
            if (request.Speed is { } s && (!double.IsFinite(s) || s < ClockLimits.MinSpeed || s > ClockLimits.MaxSpeed))
            {
                logger.LogWarning("Rejected clock speed {Speed}", s);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["speed"] = [$"Speed must be between {ClockLimits.MinSpeed} and {ClockLimits.MaxSpeed} (simulated seconds per second)"],
                });
            }
            var city = grains.GetGrain<ICityGrain>(catalog.Id);
            if (request.SimTime is { } t) await city.SetTimeAsync(t);
            var clock = await city.SetClockAsync(request.Speed, request.Paused);
            await http.AuditAsync(AuditActions.ClockSet, target: catalog.Id, detail: ClockChange.Describe(request, clock));
            logger.LogInformation("{User} set the clock: {Change}", Actor.NameOf(http.User), ClockChange.Describe(request, clock));
            return TypedResults.Ok(frames.Clock(clock));
        }).RequireAuthorization(Policies.ClockControl)
            .WithSummary("Change speed (1-360), pause or resume, or set the simulated time (trainer or admin)");

        api.MapGet("/status", (SimulatorStatus simulator, LiveState state, TwinBroadcaster broadcaster) => TypedResults.Ok(new StatusResponse(
            simulator.Ticks,
            simulator.Readings,
            simulator.Rejected,
            simulator.FailedBatches,
            Math.Round(simulator.LastTickDuration.TotalMilliseconds, 1),
            simulator.LastTickSimTime,
            state.FramesReceived,
            broadcaster.ClientCount,
            Environment.WorkingSet / (1024 * 1024))))
            .WithSummary("Operational counters: simulator ticks and readings, frames, clients, memory");

        app.MapGet("/healthz", Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> (SimulatorStatus simulator, LiveState state, CityCatalog catalog) =>
            simulator.Ticks > 0 || state.FramesReceived > 0
                ? TypedResults.Ok(new HealthResponse("live", catalog.Id, catalog.Assets.Count, simulator.Ticks, state.FramesReceived))
                : TypedResults.Json(new HealthResponse("starting", catalog.Id), statusCode: StatusCodes.Status503ServiceUnavailable))
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .WithTags("Health").WithSummary("200 once the twin is loaded and live, 503 before");
    }
}
