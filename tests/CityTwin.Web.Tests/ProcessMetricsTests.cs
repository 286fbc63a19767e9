using Microsoft.Extensions.DependencyInjection;
using CityTwin.Model.City;

namespace CityTwin.Web.Tests;

/// <summary>
/// Every host in a process feeds one metric stream per instrument name (that is how
/// OpenTelemetry works), so these tests run alone: another test's live host (paused, say) would
/// otherwise report its own figures into the stream this host's /metrics reads.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process-wide metrics";
}

[Collection(ProcessMetricsCollection.Name)]
public sealed class ProcessMetricsTests : IAsyncLifetime
{
    private readonly TwinAppFactory app = TwinAppFactory.Create(new TwinAppOptions { QuietLogs = true });

    public Task InitializeAsync() => app.WaitUntilLiveAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Metrics_survive_another_host_in_the_process_stopping()
    {
        // Test runs (and any process that hosts the app twice) stop hosts beside a running one;
        // the stopped host's meter shares the running one's name and instrument names.
        var other = TwinAppFactory.Create(new TwinAppOptions { QuietLogs = true });
        await other.WaitUntilLiveAsync();
        await other.DisposeAsync();

        // Still this host's own figures: every dong active once, readings arriving.
        using var client = app.CreateClientAs(Roles.Admin);
        var dongs = app.Services.GetRequiredService<CityCatalog>().Dongs.Count;
        var activations = $"grain_type=\"NeighbourhoodGrain\"}} {dongs}";
        string text = "";
        double rate = 0;
        for (var i = 0; i < 30 && !(text.Contains(activations, StringComparison.Ordinal) && rate > 0); i++)
        {
            await Task.Delay(250);
            text = await client.GetStringAsync("/metrics");
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("citytwin_telemetry_updates_per_second{", StringComparison.Ordinal));
            rate = line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Contains(activations, text);
        Assert.True(rate > 0, "the running host's ingest rate reads 0: a stopped host's gauge overwrote it");
        Assert.Contains("citytwin_telemetry_updates_total{", text);
    }

}
