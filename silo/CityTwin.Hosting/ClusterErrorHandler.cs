using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CityTwin.Hosting;

/// <summary>
/// While a silo is being evicted some grain calls fail even after retries, and while the durable
/// store is down or locked a change cannot be stored (and is therefore not applied). The API then
/// answers 503 with Retry-After (the caller should simply try again), never a 500.
/// </summary>
public sealed class ClusterErrorHandler(IProblemDetailsService problems, ILogger<ClusterErrorHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var storeDown = StoreErrors.IsUnavailable(exception);
        if (!storeDown && !TransientGrainErrors.IsTransient(exception) && exception is not TimeoutException) return false;
        logger.LogWarning(storeDown ? exception : null, "{Method} {Path} hit {Cause} ({Error}); answered 503",
            httpContext.Request.Method, httpContext.Request.Path, storeDown ? "an unavailable store" : "a cluster change", exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = storeDown ? "The twin's store is unavailable" : "The cluster is recovering from a lost silo",
                Detail = $"Try again in {RetryAfterSeconds} s; the request changed nothing.",
            },
        });
    }
}
