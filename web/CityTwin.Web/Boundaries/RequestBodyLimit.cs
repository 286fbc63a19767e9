using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// Holds each endpoint to its body limit: a declared length over it is refused at once (413), and a
/// body of unknown length sent to an endpoint that reads one is read up to the limit before the
/// endpoint sees it, so a client cannot stream an endless body into the JSON reader. Kestrel is told
/// the same limit for every request.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<BoundaryOptions> options, ILogger<RequestBodyLimit> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = BoundaryEndpoints.BodyLimit(http, options.Value);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        var length = http.Request.ContentLength;
        if (length > limit)
        {
            await RefuseAsync(http, limit, length.Value);
            return;
        }
        // Only endpoints that read a body have it buffered: a transport (SignalR, a WebSocket) streams
        // its own body and must not be read here.
        var readsBody = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null;
        if (readsBody && length is null && http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await RefuseAsync(http, limit, buffer.Length + read);
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            http.Request.Body = buffer;
        }
        await next(http);
    }

    private async Task RefuseAsync(HttpContext http, long limit, long seen)
    {
        logger.LogWarning("Rejected {Method} {Path} with 413: body of at least {Bytes} bytes over the limit of {Limit}",
            http.Request.Method, http.Request.Path, seen, limit);
        await BoundaryProblems.Of(StatusCodes.Status413PayloadTooLarge, "The request body is too large", BoundaryProblems.Body,
            $"This endpoint accepts at most {limit} bytes").ExecuteAsync(http);
    }
}
