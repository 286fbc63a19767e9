using CityTwin.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Api;

/// <summary>
/// <c>GET /api/live/assets</c>: the asset directory that compact live frames index into. It changes
/// only with the city pack, so it carries its version as an ETag and browsers keep it.
/// </summary>
public static class AssetDirectoryEndpoint
{
    public static void MapAssetDirectoryEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live/assets", Results<FileContentHttpResult, StatusCodeHttpResult> (AssetDirectory directory, HttpContext http) =>
        {
            var etag = $"\"{directory.Version:x8}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "public, max-age=300";
            if (http.Request.Headers.IfNoneMatch.Contains(etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            return TypedResults.Bytes(directory.Json, "application/json");
        })
        .WithTags("Live")
        .WithSummary("The asset directory of compact live frames: ids, kinds and channels by asset index, with its version")
        .Produces<AssetDirectoryResponse>()
        .Produces(StatusCodes.Status304NotModified);
    }
}
