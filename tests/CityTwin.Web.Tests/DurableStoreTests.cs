using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Embedded mode keeps what users set in its SQLite store: a restart loses nothing. In the shared
/// collection so its hosts never run beside the shared one: meters are process-wide, and a second
/// live host would add its own series to the shared host's /metrics.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class DurableStoreTests
{
    [Fact]
    public async Task Clock_settings_survive_a_restart_of_the_embedded_app()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string simTimeBefore;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var client = first.CreateClient();
                var set = await client.PostAsJsonAsync("/api/clock", new { speed = 37, paused = true });
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
                simTimeBefore = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("simTime").GetString()!;
            }
            Assert.True(File.Exists(Path.Combine(directory, "citytwin.db")), "no SQLite store written");

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var again = second.CreateClient();
            var clock = await again.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.Equal(37, clock.GetProperty("speed").GetDouble());
            Assert.True(clock.GetProperty("paused").GetBoolean());
            // Paused: the city stands exactly where it was left.
            Assert.Equal(DateTimeOffset.Parse(simTimeBefore), DateTimeOffset.Parse(clock.GetProperty("simTime").GetString()!));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_completed_scenario_reads_back_with_its_definition_and_results_after_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id;
            JsonElement definitionBefore, resultsBefore;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var client = first.CreateClient();
                var started = await client.PostAsJsonAsync("/api/scenarios", new
                {
                    name = "Survives a restart",
                    start = new { kind = "baseline", date = "2026-07-15" },
                    horizonHours = 2,
                    stepMinutes = 30,
                    seed = 11,
                    conditions = new[] { new { type = "heatwave", parameters = new Dictionary<string, double> { ["peakC"] = 4 } } },
                    interventions = new[] { new { type = "led-retrofit", target = new { kind = "gu", codes = new[] { "28185" } } } },
                });
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
                id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                var done = await first.PollAsync<JsonElement>($"/api/scenarios/{id}", s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(120));
                definitionBefore = done.GetProperty("definition");
                resultsBefore = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var again = second.CreateClient();
            var read = await again.GetAsync($"/api/scenarios/{id}");
            Assert.True(read.IsSuccessStatusCode, await read.Content.ReadAsStringAsync());
            var scenario = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("completed", scenario.GetProperty("status").GetString());
            var definition = scenario.GetProperty("definition");
            Assert.Equal(definitionBefore.ToString(), definition.ToString());
            // Typed all the way: enums read back as their names, the gu target and the heatwave intact.
            Assert.Equal("baselineDay", definition.GetProperty("start").GetProperty("kind").GetString());
            var target = definition.GetProperty("interventions")[0].GetProperty("target");
            Assert.Equal("gu", target.GetProperty("kind").GetString());
            Assert.Equal("28185", target.GetProperty("code").GetString());
            Assert.Equal(4, definition.GetProperty("conditions").GetProperty("heatwave").GetProperty("peakC").GetDouble());
            var results = await again.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
            Assert.Equal(resultsBefore.ToString(), results.ToString());
            Assert.Equal(4, results.GetProperty("times").GetArrayLength());
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
