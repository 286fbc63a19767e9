using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// Turns every request-binding failure (a query value of the wrong type, a body that is not JSON or
/// has a wrong type at some path, a missing body, a wrong content type, a body over its limit) into
/// problem details naming the field, in every environment, with a warning in the log.
/// </summary>
public sealed class BindingErrorHandler(ILogger<BindingErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        // The exception handler has cleared the request's endpoint by now; its feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var error = BindingError.From(bad, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        logger.LogWarning("Rejected {Method} {Path} with {Status}: {Field}: {Error}",
            httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, error.Field, error.Message);
        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "The request body is not JSON",
            _ => "The request could not be read",
        };
        await BoundaryProblems.Of(bad.StatusCode, title, error.Field, error.Message).ExecuteAsync(httpContext);
        return true;
    }
}
