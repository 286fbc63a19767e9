using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CityTwin.Web.Tests;

/// <summary>
/// The durable store refusing writes (here: another process holding the SQLite database's write
/// lock, as a backup or an admin's shell would): a clock change answers 503 with Retry-After and
/// is not in force, then goes through once the store is back.
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = TwinAppFactory.Create(new TwinAppOptions
    {
        QuietLogs = true,
        Settings = new Dictionary<string, string> { ["Orleans:StoreBusyTimeout"] = "00:00:01" },
    });

    public Task InitializeAsync() => _app.WaitUntilLiveAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_clock_change_the_store_cannot_keep_is_refused_and_not_applied()
    {
        using var client = _app.CreateClientAs(Roles.Trainer);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/clock", new { speed = 10 })).StatusCode);

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "citytwin.db")}"))
        {
            await holder.OpenAsync();
            await using (var lockCommand = holder.CreateCommand())
            {
                lockCommand.CommandText = "BEGIN EXCLUSIVE;";
                await lockCommand.ExecuteNonQueryAsync();
            }

            var refused = await client.PostAsJsonAsync("/api/clock", new { speed = 100, paused = true });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter is not null, "503 without Retry-After");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

            // Readers are not blocked, and nobody sees the change that was refused.
            var during = await client.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.Equal(10, during.GetProperty("speed").GetDouble());
            Assert.False(during.GetProperty("paused").GetBoolean());

            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/clock", new { speed = 100 })).StatusCode);
        Assert.Equal(100, (await client.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("speed").GetDouble());
    }
}
