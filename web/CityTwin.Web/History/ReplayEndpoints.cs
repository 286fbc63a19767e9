using System.Globalization;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Api;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.History;

/// <summary>
/// Replay: the whole map at a past minute of the last 24 hours, read from the grains' 1-minute
/// history. One call per dong, district and the city (about 170 for Incheon), so a client plays
/// by asking for one minute at a time, never more than one request in flight.
/// </summary>
public static class ReplayEndpoints
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static void MapReplayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/replay", async Task<Results<Ok<ReplayResponse>, ValidationProblem>> (string? t, string? bbox, CityCatalog catalog, IGrainFactory grains, ILogger<ReplayResponse> logger) =>
        {
            var now = (await grains.GetGrain<ICityGrain>(catalog.Id).GetClockAsync()).SimTime;
            if (string.IsNullOrWhiteSpace(t) || !DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at.Year is < 2000 or > 2200)
                return Refuse(logger, "t", "t must be an ISO 8601 instant of simulated time, e.g. 2026-12-07T06:00:00+09:00");
            if (at > now || at < now - Window)
                return Refuse(logger, "t", $"t must be within the last {Window.TotalHours:0} hours of simulated time ({(now - Window):O} to {now:O})");
            double[]? box = null;
            if (bbox is not null && !BboxParser.TryParse(bbox, out box, out var error)) return Refuse(logger, "bbox", error);

            var slices = await Task.WhenAll(catalog.Dongs.Select(d => grains.GetGrain<INeighbourhoodGrain>(d.Code).GetReplayAsync(at)));
            var gus = await Task.WhenAll(catalog.Districts.Select(d => grains.GetGrain<IDistrictGrain>(d.Code).GetKpisAtAsync(at)));
            var city = await grains.GetGrain<ICityGrain>(catalog.Id).GetKpisAtAsync(at);

            var areas = new List<AreaFrameItem>(slices.Length + gus.Length + 1);
            if (city is not null) areas.Add(new AreaFrameItem(catalog.Id, "city", Named(city)));
            for (var i = 0; i < gus.Length; i++)
                if (gus[i] is { } k) areas.Add(new AreaFrameItem(catalog.Districts[i].Code, "gu", Named(k)));
            for (var i = 0; i < slices.Length; i++)
                if (slices[i].Kpis is { } k) areas.Add(new AreaFrameItem(catalog.Dongs[i].Code, "dong", Named(k)));

            var assets = new List<ReplayAsset>();
            if (box is not null)
            {
                var viewport = new Viewport(box[0], box[1], box[2], box[3], 24);
                var status = new Dictionary<int, AssetStatus>();
                foreach (var s in slices)
                    for (var k = 0; k < s.AssetIndexes.Length; k++) status[s.AssetIndexes[k]] = (AssetStatus)s.Statuses[k];
                foreach (var a in catalog.Assets)
                    if (viewport.Contains(a.Lon, a.Lat))
                        assets.Add(new ReplayAsset(a.Id, FrameFactory.StatusName(status.GetValueOrDefault(a.Index, AssetStatus.Offline))));
            }
            return TypedResults.Ok(new ReplayResponse(at, areas, assets));
        }).WithTags("History")
            .WithSummary("The map at a past minute of the last 24 h: t (ISO 8601, required), bbox (w,s,e,n; assets only when given)");
    }

    private static ValidationProblem Refuse(ILogger logger, string field, string message)
    {
        logger.LogWarning("Rejected replay request: {Field}: {Message}", field, message);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid replay request");
    }

    private static Dictionary<string, double> Named(float[] values)
    {
        var named = new Dictionary<string, double>(KpiNames.All.Count);
        for (var c = 0; c < KpiNames.All.Count && c < values.Length; c++)
            if (float.IsFinite(values[c])) named[KpiNames.All[c]] = Math.Round(values[c], 3);
        return named;
    }
}
