using Microsoft.Extensions.Options;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// Security headers on every response, error pages included (they are set as the response starts,
/// after an exception handler may have cleared the headers).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<BoundaryOptions> options, IWebHostEnvironment environment)
{
    private readonly string _pagePolicy = InlineScriptHashes.AddTo(options.Value.ContentSecurityPolicy,
        [.. InlineScriptHashes.Of(environment.WebRootFileProvider), .. InlineScriptHashes.Of(environment.WebRootFileProvider, "public.html")]);

    /// <summary>Pages that carry inline scripts or styles of their own and get the inline-content policy.</summary>
    private static readonly string[] InlineContentPagePrefixes = ["/api-docs", "/dashboard", "/scalar"];

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var path = http.Request.Path.Value ?? "";
            var inlineContentPage = InlineContentPagePrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                || (path.StartsWith("/api/scenarios/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/brief", StringComparison.OrdinalIgnoreCase));
            headers.ContentSecurityPolicy = inlineContentPage ? options.Value.InlineContentPagePolicy : _pagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // For browsers that predate frame-ancestors.
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
