using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Tours and presentations live in the durable store: after a restart of the embedded app a
/// trainer's tour is there, a deleted pack tour stays deleted (the pack is copied in once), and a
/// running presentation is still on the stop it was on. In the shared collection so its hosts
/// never run beside the shared one.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class TourDurabilityTests
{
    [Fact]
    public async Task Tours_and_a_running_presentation_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string code;
            JsonElement written;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var trainer = await first.CreateClientAsAsync(Roles.Trainer);
                var created = await trainer.PostAsJsonAsync("/api/tours", TourApiTests.NewTour("kept-tour"));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                written = await created.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(HttpStatusCode.NoContent, (await trainer.DeleteAsync("/api/tours/songdo-field-visit")).StatusCode);
                var started = await trainer.PostAsync("/api/tours/kept-tour/present", null);
                code = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
                Assert.Equal(HttpStatusCode.OK, (await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 1 })).StatusCode);
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var reader = second.CreateHttpClient();
            var tour = await reader.GetFromJsonAsync<JsonElement>("/api/tours/kept-tour");
            Assert.Equal(written.GetProperty("stops").GetRawText(), tour.GetProperty("stops").GetRawText());
            Assert.Equal(written.GetProperty("updatedBy").GetString(), tour.GetProperty("updatedBy").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/tours/songdo-field-visit")).StatusCode);
            var session = await reader.GetFromJsonAsync<JsonElement>($"/api/tour-sessions/{code}");
            Assert.Equal(1, session.GetProperty("stopIndex").GetInt32());
            Assert.Equal("kept-tour", session.GetProperty("tour").GetProperty("id").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
