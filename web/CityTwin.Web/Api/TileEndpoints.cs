using CityTwin.Web.Layers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Api;

/// <summary>
/// The asset layers as Mapbox vector tiles, so the map loads only the part of the city it shows
/// (the GeoJSON layers stay for clients that want a whole layer at once).
/// </summary>
public static class TileEndpoints
{
    /// <summary>The registered media type of Mapbox vector tiles.</summary>
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static void MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        // z, x and y arrive as strings: TileKey validates them all and names each bad one.
        app.MapGet("/api/tiles/{layer}/{z}/{x}/{y}.pbf", Results<FileContentHttpResult, NoContent, ValidationProblem, ProblemHttpResult> (
            string layer, string z, string x, string y, VectorTileService tiles, HttpContext http) =>
        {
            if (!VectorTileService.IsLayer(layer))
                return TypedResults.Problem(statusCode: 404, title: "Unknown tile layer", detail: $"Tile layers: {string.Join(", ", AssetFeatures.LayerNames)}");
            if (!TileKey.TryParse(layer, z, x, y, out var key, out var errors))
                return TypedResults.ValidationProblem(errors, title: "Bad tile coordinates");
            // Tiles change only with the city pack: let browsers keep them for a while.
            http.Response.Headers.CacheControl = "public, max-age=300";
            var bytes = tiles.Get(key);
            return bytes.Length == 0 ? TypedResults.NoContent() : TypedResults.Bytes(bytes, ContentType);
        })
        .WithTags("Layers")
        .WithSummary("A Mapbox vector tile of an asset layer (buildings, roads, assets); 204 when empty")
        .Produces<Stream>(StatusCodes.Status200OK, ContentType)
        .Produces(204)
        .ProducesValidationProblem()
        .ProducesProblem(404);
    }
}
