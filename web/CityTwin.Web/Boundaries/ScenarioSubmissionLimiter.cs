using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// Scenario runs are the one costly thing a client can ask for: each client (its user when signed
/// in, else its remote address) gets a fixed window of submissions; past it the answer is 429 with
/// Retry-After and problem details. Every other request passes unlimited.
/// </summary>
public static class ScenarioSubmissionLimiter
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!BoundaryEndpoints.IsScenarioSubmission(http)) return RateLimitPartition.GetNoLimiter("unlimited");
            var rate = http.RequestServices.GetRequiredService<IOptions<BoundaryOptions>>().Value.ScenarioSubmissions;
            return RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rate.PermitLimit,
                Window = rate.Window,
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ScenarioSubmissionLimiter))
                .LogWarning("Rejected {Method} {Path} with 429 for {Client}: over the scenario submission rate", http.Request.Method, http.Request.Path, ClientOf(http));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await BoundaryProblems.Of(StatusCodes.Status429TooManyRequests, "Too many scenario submissions", BoundaryProblems.Body,
                $"Try again in {seconds} s").ExecuteAsync(http);
        };
    }

    /// <summary>The signed-in user when there is one, else the remote address.</summary>
    public static string ClientOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } user } ? $"user:{user}"
        : $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
}
