using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// A target the city sets is kept in the durable store: a restart of the embedded app reads it back
/// with the time it was set. In the shared collection so its hosts never run beside the shared one.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class IndicatorTargetDurabilityTests
{
    [Fact]
    public async Task A_target_survives_a_restart_of_the_embedded_app()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string setAt;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var planner = first.CreateClientAs(Roles.Planner);
                var set = await planner.PutAsJsonAsync("/api/indicators/electricityPerCapita/target", new { value = 9123 });
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
                setAt = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targetSetAt").GetString()!;
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var anonymous = second.CreateClient();
            var view = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/indicators");
            var indicator = view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "electricityPerCapita");
            Assert.Equal(9123, indicator.GetProperty("target").GetDouble());
            Assert.Equal(DateTimeOffset.Parse(setAt), DateTimeOffset.Parse(indicator.GetProperty("targetSetAt").GetString()!));
            // The others still read the pack's defaults.
            var pm25 = view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "pm25");
            Assert.Equal(JsonValueKind.Null, pm25.GetProperty("targetSetAt").ValueKind);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
