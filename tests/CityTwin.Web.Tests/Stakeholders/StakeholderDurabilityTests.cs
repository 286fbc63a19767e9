using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Stakeholders;

/// <summary>
/// Lenses and comments live in the durable store: after a restart of the embedded app a planner's
/// lens, a deleted pack lens (still deleted: the pack is copied in once) and a moderated comment are
/// as they were. In the shared collection so its hosts never run beside the shared one.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class StakeholderDurabilityTests
{
    [Fact]
    public async Task Lenses_and_moderated_comments_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string scenario, approved, pending;
            JsonElement lens;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var planner = await first.CreateClientAsAsync(Roles.Planner);
                var created = await planner.PostAsJsonAsync("/api/lenses", LensApiTests.NewLens("kept-lens", weight: 4));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                lens = await created.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteAsync("/api/lenses/media")).StatusCode);

                scenario = await StakeholderRuns.RunAsync(planner, "Kept with comments", "led-retrofit");
                using var viewer = await first.CreateClientAsAsync(Roles.Viewer);
                var url = $"/api/scenarios/{scenario}/comments";
                approved = (await (await viewer.PostAsJsonAsync(url, new { group = "academia", text = "Measure it again next winter." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                pending = (await (await viewer.PostAsJsonAsync(url, new { group = "business", text = "Still waiting." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"{url}/{approved}/moderate", new { status = "approved" })).StatusCode);
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var reader = second.CreateHttpClient();
            var kept = await reader.GetFromJsonAsync<JsonElement>("/api/lenses/kept-lens");
            Assert.Equal(lens.GetProperty("kpis").GetRawText(), kept.GetProperty("kpis").GetRawText());
            Assert.Equal(lens.GetProperty("updatedBy").GetString(), kept.GetProperty("updatedBy").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/lenses/media")).StatusCode);

            var shown = await reader.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenario}/comments");
            Assert.Equal([approved], shown.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            using var planner2 = await second.CreateClientAsAsync(Roles.Planner);
            var all = await planner2.GetFromJsonAsync<JsonElement>($"/api/scenarios/{scenario}/comments");
            Assert.Equal([("approved", approved), ("pending", pending)],
                all.EnumerateArray().Select(c => (c.GetProperty("status").GetString(), c.GetProperty("id").GetString())));
            // Ids are not reused after the restart.
            using var viewer2 = await second.CreateClientAsAsync(Roles.Viewer);
            var next = await viewer2.PostAsJsonAsync($"/api/scenarios/{scenario}/comments", new { group = "media", text = "A new one." });
            Assert.Equal("c3", (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
