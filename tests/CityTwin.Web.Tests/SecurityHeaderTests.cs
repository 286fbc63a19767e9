using System.Net;

namespace CityTwin.Web.Tests;

/// <summary>Every response, page, API answer or error alike, carries the security headers.</summary>
[Collection(TwinCollection.Name)]
public sealed class SecurityHeaderTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClientAs(Roles.Admin);

    [Theory]
    [InlineData("/")]
    [InlineData("/js/app.js")]
    [InlineData("/api/city")]
    [InlineData("/api/districts/nowhere")]
    [InlineData("/no/such/page")]
    [InlineData("/api/assets?limit=1.5")]
    public async Task Responses_carry_a_same_origin_policy_nosniff_and_no_framing(string url)
    {
        using var response = await _client.GetAsync(url);
        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "worker-src 'self' blob:", "img-src 'self' data: blob:" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_pages_inline_scripts_are_allowed_by_hash_and_nothing_else_inline()
    {
        using var response = await _client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var csp = Header(response, "Content-Security-Policy");
        var inline = System.Text.RegularExpressions.Regex.Matches(html, @"<script\b(?![^>]*\bsrc=)[^>]*>(?<body>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups["body"].Value).Where(b => b.Trim().Length > 0).ToList();
        foreach (var body in inline)
        {
            var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
            Assert.Contains($"'sha256-{hash}'", csp);
        }
        Assert.DoesNotContain("'unsafe-inline'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
    }

    [Fact]
    public async Task The_server_error_path_keeps_the_headers_too()
    {
        // Garbage for a silo address goes through the exception handler, which clears headers.
        using var response = await _client.GetAsync("/dashboard/SiloProperties/not-a-silo");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
