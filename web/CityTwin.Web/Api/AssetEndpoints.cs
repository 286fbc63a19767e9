using System.Text.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;
using CityTwin.Web.Layers;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Api;

/// <summary>Assets: one by id (through its grain) and many by bounding box (from the live state).</summary>
public static class AssetEndpoints
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 50_000;
    public const string GeoJsonContentType = "application/geo+json";

    public static void MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Assets");

        api.MapGet("/assets", Results<FileStreamHttpResult, ValidationProblem> (string? bbox, string? kind, int? limit, CityCatalog catalog, LiveState state, ILogger<LiveState> logger) =>
        {
            var box = new[] { -180.0, -90, 180, 90 };
            if (bbox is not null && !BboxParser.TryParse(bbox, out box, out var error))
            {
                logger.LogWarning("Rejected /api/assets bbox {Bbox}: {Error}", bbox, error);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bbox"] = [error] }, title: "Malformed bbox");
            }
            AssetKind? kindFilter = null;
            if (!string.IsNullOrEmpty(kind))
            {
                if (!AssetKinds.TryParse(kind, out var k))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["kind"] = [$"Unknown kind '{kind}'; one of {string.Join(", ", AssetKinds.All.Select(x => x.WireName))}"],
                    });
                kindFilter = k;
            }
            var max = limit ?? DefaultLimit;
            if (max is < 1 or > MaxLimit)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}"] });

            var viewport = new Viewport(box[0], box[1], box[2], box[3], 24);
            var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                GeoJsonWriter.WriteStart(w);
                var written = 0;
                var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
                foreach (var a in catalog.Assets)
                {
                    if (written >= max) break;
                    if (kindFilter is { } kf && a.Kind != kf) continue;
                    if (!viewport.Contains(a.Lon, a.Lat)) continue;
                    written++;
                    GeoJsonWriter.WriteFeature(w, a.Id, factory.CreatePoint(new Coordinate(a.Lon, a.Lat)), p =>
                    {
                        p.WriteString("kind", AssetKinds.Of(a.Kind).WireName);
                        p.WriteString("status", FrameFactory.StatusName(state.StatusOf(a.Index)));
                        p.WriteString("guCode", a.GuCode);
                        p.WriteString("dongCode", a.DongCode);
                        if (a.Name is not null) p.WriteString("name", a.Name);
                        p.WriteBoolean("synthetic", a.Synthetic);
                    });
                }
                GeoJsonWriter.WriteEnd(w);
            }
            stream.Position = 0;
            return TypedResults.Stream(stream, GeoJsonContentType);
        })
        .Produces<Stream>(StatusCodes.Status200OK, GeoJsonContentType)
        .WithSummary("Assets in a bounding box as a GeoJSON FeatureCollection (feature id = asset id)");

        api.MapGet("/assets/{id}", async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> (string id, CityCatalog catalog, IGrainFactory grains) =>
        {
            var asset = catalog.FindAsset(id);
            if (asset is null) return TypedResults.Problem(statusCode: 404, title: "Unknown asset", detail: $"No asset has id '{id}'");
            var details = asset.Kind == AssetKind.Building
                ? await grains.GetGrain<IBuildingGrain>(id).GetDetailsAsync()
                : await grains.GetGrain<IAssetGrain>(id).GetDetailsAsync();
            if (details is null) return TypedResults.Problem(statusCode: 404, title: "Unknown asset", detail: $"No asset has id '{id}'");
            var info = AssetKinds.Of(details.Kind);
            var latest = details.Latest;
            return TypedResults.Ok(new AssetResponse(
                details.Id, info.WireName, FrameFactory.StatusName(latest?.Status ?? AssetStatus.Offline),
                details.GuCode, details.DongCode, details.Name, details.Synthetic, details.Lon, details.Lat,
                details.Attributes, [.. info.Channels.Select((c, i) => new ChannelInfo(c, info.Units[i]))],
                FrameFactory.NamedValues(details.Kind, latest?.Values ?? []),
                latest is { UpdatedAt.Ticks: > 0 } ? latest.UpdatedAt : null,
                [.. details.History.Select(h => new TelemetryPoint(h.At, FrameFactory.NamedValues(details.Kind, h.Values)))]));
        }).WithSummary("One asset: what it is, where, latest telemetry, status and short history");
    }
}
