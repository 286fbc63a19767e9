using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// An endpoint that reads a JSON body refuses any other content type with 415 naming the body (the
/// framework answers a bare 415 on its own, without saying what it wanted).
/// </summary>
public sealed class JsonContentTypeGuard(RequestDelegate next, ILogger<JsonContentTypeGuard> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var accepts = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        var hasBody = http.Request.ContentLength > 0
            || (http.Request.ContentLength is null && http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false });
        if (accepts?.RequestType is not null && hasBody && !http.Request.HasJsonContentType())
        {
            logger.LogWarning("Rejected {Method} {Path} with 415: content type {ContentType}", http.Request.Method, http.Request.Path, http.Request.ContentType ?? "(none)");
            await BoundaryProblems.Of(StatusCodes.Status415UnsupportedMediaType, "The request body is not JSON", BoundaryProblems.Body,
                "Send the body as JSON with Content-Type: application/json").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
