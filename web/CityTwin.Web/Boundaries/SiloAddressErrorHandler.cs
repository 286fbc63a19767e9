using Microsoft.AspNetCore.Diagnostics;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// The Orleans dashboard takes a silo address from its route and parses it only when the grain is
/// created, throwing a FormatException; such a request is the caller's mistake, answered 400 with
/// the route value named.
/// </summary>
public sealed class SiloAddressErrorHandler(ILogger<SiloAddressErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var format = exception.InnerException as FormatException ?? exception as FormatException;
        if (format is null || !format.Message.StartsWith("Invalid string SiloAddress", StringComparison.Ordinal)) return false;
        var field = (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.Parameters.LastOrDefault()?.Name ?? "address";
        logger.LogWarning("Rejected {Method} {Path}: {Field} is not a silo address", httpContext.Request.Method, httpContext.Request.Path, field);
        await BoundaryProblems.Of(StatusCodes.Status400BadRequest, "Not a silo address", field, "Expected a silo address such as 10.0.0.1:11111@123456789")
            .ExecuteAsync(httpContext);
        return true;
    }
}
