using CityTwin.Web.Layers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Api;

/// <summary>Static map layers as GeoJSON (boundaries, sites, buildings, roads, point assets).</summary>
public static class LayerEndpoints
{
    public static void MapLayerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/layers/{name}", Results<FileContentHttpResult, ProblemHttpResult> (string name, LayerCatalog layers, HttpContext http) =>
        {
            var bytes = layers.Get(name);
            if (bytes is null)
                return TypedResults.Problem(statusCode: 404, title: "Unknown layer", detail: $"Layers: {string.Join(", ", LayerCatalog.Names)}");
            // Layers change only with the city pack: let browsers keep them for a while.
            http.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Bytes(bytes, AssetEndpoints.GeoJsonContentType);
        })
        .Produces<Stream>(StatusCodes.Status200OK, AssetEndpoints.GeoJsonContentType)
        .WithTags("Layers").WithSummary("A static layer of the city as a GeoJSON FeatureCollection");
    }
}
