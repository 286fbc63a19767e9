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
}
