using System.Globalization;
using System.Threading.RateLimiting;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// The requests worth limiting: scenario runs (the one costly thing a client can ask for; per user
/// when signed in, else per remote address) and password sign-ins (guessing; per remote address,
/// beside Identity's lockout per account) and telemetry batches (per feed token). Past a limit the answer is 429 with Retry-After and
/// problem details. Every other request passes unlimited.
/// </summary>
public static class RequestRateLimits
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (BoundaryEndpoints.IsScenarioSubmission(http))
            {
                var rate = http.RequestServices.GetRequiredService<IOptions<BoundaryOptions>>().Value.ScenarioSubmissions;
                return Window("scenarios:" + ClientOf(http), rate.PermitLimit, rate.Window);
            }
            if (BoundaryEndpoints.IsTelemetry(http))
            {
                // Per feed token (a gateway), so one runaway device cannot starve the others.
                var feed = http.RequestServices.GetRequiredService<IOptions<Feeds.FeedOptions>>().Value;
                var token = http.User.FindFirst(AuthSchemes.TokenIdClaim)?.Value;
                return Window("telemetry:" + (token is null ? ClientOf(http) : "token:" + token), feed.RequestsPerWindow, feed.RateWindow);
            }
            if (BoundaryEndpoints.IsSignIn(http))
            {
                var security = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                return Window("sign-in:" + AddressOf(http), security.SignInPermitLimit, security.SignInWindow);
            }
            return RateLimitPartition.GetNoLimiter("unlimited");
        });
        limiter.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var what = BoundaryEndpoints.IsSignIn(http) ? "sign-in attempts" : BoundaryEndpoints.IsTelemetry(http) ? "telemetry batches" : "scenario submissions";
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestRateLimits))
                .LogWarning("Rejected {Method} {Path} with 429 for {Client}: too many {What}", http.Request.Method, http.Request.Path, ClientOf(http), what);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await BoundaryProblems.Of(StatusCodes.Status429TooManyRequests, $"Too many {what}", BoundaryProblems.Body,
                $"Try again in {seconds} s").ExecuteAsync(http);
        };
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    /// <summary>The signed-in user when there is one, else the remote address.</summary>
    public static string ClientOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } user } ? $"user:{user}" : $"ip:{AddressOf(http)}";

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
