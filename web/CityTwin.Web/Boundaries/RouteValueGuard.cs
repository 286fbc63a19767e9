using Microsoft.Extensions.Options;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// Refuses route values no id, code or name can be (blank, control characters, longer than the
/// limit) before an endpoint hands them to a grain, where they would fail as server errors or
/// activate grains for garbage keys.
/// </summary>
public sealed class RouteValueGuard(RequestDelegate next, IOptions<BoundaryOptions> options, ILogger<RouteValueGuard> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is RouteEndpoint endpoint)
        {
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                if (parameter.IsOptional || parameter.Default is not null) continue;
                var value = http.Request.RouteValues[parameter.Name]?.ToString();
                var max = options.Value.MaxRouteValueLength;
                var error = string.IsNullOrWhiteSpace(value) ? $"{parameter.Name} must not be blank"
                    : value.Length > max ? $"{parameter.Name} must be at most {max} characters"
                    : value.Any(char.IsControl) ? $"{parameter.Name} must not contain control characters"
                    : null;
                if (error is null) continue;
                logger.LogWarning("Rejected {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, error);
                await BoundaryProblems.Of(StatusCodes.Status400BadRequest, "Malformed route value", parameter.Name, error).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }
}
