using System.Net;
using System.Text.Json;
using CityTwin.Hosting;
using CityTwin.Model.City;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace CityTwin.Web.Tests;

[Collection(TwinCollection.Name)]
public sealed class OperationsTests(TwinAppFactory app)
{
    [Fact]
    public async Task Metrics_expose_the_products_meters_in_prometheus_format()
    {
        using var client = app.CreateClientAs(Roles.Admin);
        var dongs = app.Services.GetRequiredService<CityCatalog>().Dongs.Count;
        string text = "";
        // Every dong activates with the first tick; the gauge counts them by grain type.
        for (var i = 0; i < 50 && !text.Contains($"grain_type=\"NeighbourhoodGrain\"}} {dongs}", StringComparison.Ordinal); i++)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
            text = await response.Content.ReadAsStringAsync();
            await Task.Delay(200);
        }
        Assert.Contains($"grain_type=\"NeighbourhoodGrain\"}} {dongs}", text);
        Assert.Contains("citytwin_grain_activations{", text);
        Assert.Contains("citytwin_clients_connected", text);
        Assert.Contains("citytwin_telemetry_updates_per_second", text);
        var total = text.Split('\n').Single(l => l.StartsWith("citytwin_telemetry_updates_total{", StringComparison.Ordinal));
        Assert.True(double.Parse(total[(total.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0, total);
    }

    [Fact]
    public async Task The_dashboards_live_log_stream_is_off_so_an_idle_reader_cannot_stall_requests()
    {
        using var client = app.CreateClientAs(Roles.Admin);
        // Opened and never read, as a browser tab left in the background would.
        using var trace = await client.GetAsync("/dashboard/Trace", HttpCompletionOption.ResponseHeadersRead);
        Assert.NotEqual(HttpStatusCode.OK, trace.StatusCode);

        // Requests that log (every refused one logs a warning) still complete promptly.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 200; i++)
        {
            using var refused = await client.GetAsync($"/api/assets?limit=x{i}", deadline.Token);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Dashboard_is_served_at_dashboard()
    {
        using var client = app.CreateClientAs(Roles.Admin);
        var response = await client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_call_rejected_by_a_failing_silo_answers_503_with_retry_after()
    {
        var handler = new ClusterErrorHandler(app.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<ClusterErrorHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(context, new SiloUnavailableException("silo S127.0.0.1:11111 is dead"), CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Other_errors_are_left_to_the_default_handler()
    {
        var handler = new ClusterErrorHandler(app.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<ClusterErrorHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = app.Services };
        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
