using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Drills;

/// <summary>
/// A drill never shows in real figures, and a run survives a restart. With the simulator off the
/// twin's own figures stand still, so any change the drill made to them would show: the alarm
/// summary (counts and alarm rate) and the city's assets in alarm are the same before and during
/// the drill. Then the app restarts on the same SQLite store: the run goes on firing its steps,
/// the operator's acknowledgement is still there, and the report and audit hold it all.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class DrillDurabilityTests
{
    private static readonly Dictionary<string, string> NoSimulator = new() { ["Simulation:Enabled"] = "false" };

    [Fact]
    public async Task Drill_alarms_never_count_in_real_figures_and_a_run_survives_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string runId, tripId, operatorName;
            await using (var first = TwinAppFactory.Create(new TwinAppOptions { DataDirectory = directory, Settings = NoSimulator }))
            {
                using var reader = first.CreateClient();
                await ReadyAsync(reader);
                using var trainer = await first.CreateClientAsAsync(Roles.Trainer);
                using var op = await first.CreateClientAsAsync(Roles.Operator);
                var summaryBefore = await reader.GetStringAsync("/api/alarms/summary");
                var kpisBefore = await AssetsInAlarmAsync(reader);

                var started = await trainer.PostAsJsonAsync("/api/drills/yeonsu-substation-trip/start", new { speed = 4 });
                Assert.Equal(HttpStatusCode.Created, started.StatusCode);
                runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
                var trip = await DrillApiTests.DrillAlarmAsync(reader, runId, "substation-2818576100-001");
                await DrillApiTests.DrillAlarmAsync(reader, runId, "streetlight-2818576100-002");
                tripId = trip.GetProperty("id").GetString()!;
                var acked = await op.PostAsJsonAsync($"/api/alarms/{tripId}/acknowledge", new { note = "before the restart" });
                Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
                operatorName = (await acked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alarm").GetProperty("acknowledgedBy").GetString()!;

                // Three drill alarms are open (a critical one among them); the real figures did not move.
                Assert.Equal(summaryBefore, await reader.GetStringAsync("/api/alarms/summary"));
                Assert.Equal(kpisBefore, await AssetsInAlarmAsync(reader));
                var listed = await reader.GetFromJsonAsync<JsonElement>("/api/alarms?state=open&pageSize=500");
                Assert.All(listed.GetProperty("items").EnumerateArray(), a => Assert.True(a.GetProperty("drill").GetBoolean(), "only the drill's alarms are open"));
            }

            await using var second = TwinAppFactory.Create(new TwinAppOptions { DataDirectory = directory, Settings = NoSimulator });
            using var again = second.CreateClient();
            await ReadyAsync(again);
            var alarm = (await again.GetFromJsonAsync<JsonElement>($"/api/alarms/{tripId}")).GetProperty("alarm");
            Assert.Equal(("activeAcknowledged", operatorName, true, runId),
                (alarm.GetProperty("state").GetString(), alarm.GetProperty("acknowledgedBy").GetString(), alarm.GetProperty("drill").GetBoolean(), alarm.GetProperty("runId").GetString()));

            // The run resumed: the neighbour's overload (22.5 s into the run at speed 4) fires after the restart if it had not before.
            var run = await Wait.ForAsync(() => again.GetFromJsonAsync<JsonElement>($"/api/drills/runs/{runId}"),
                r => r.GetProperty("stepsDone").GetInt32() >= 4, TimeSpan.FromSeconds(120), "the run's fourth step", TimeSpan.FromMilliseconds(500));
            Assert.Equal("running", run.GetProperty("status").GetString());
            await DrillApiTests.DrillAlarmAsync(again, runId, "substation-2818576200-001");

            using var trainer2 = await second.CreateClientAsAsync(Roles.Trainer);
            Assert.Equal(HttpStatusCode.OK, (await trainer2.PostAsJsonAsync($"/api/drills/runs/{runId}/stop", new { })).StatusCode);
            var report = await again.GetFromJsonAsync<JsonElement>($"/api/drills/runs/{runId}/report");
            var scored = report.GetProperty("alarms").EnumerateArray().Single(a => a.GetProperty("alarmId").GetString() == tripId);
            Assert.Equal(operatorName, scored.GetProperty("acknowledgedBy").GetString());
            Assert.True(scored.GetProperty("missed").GetBoolean(), "acknowledged but still open at the end");
            Assert.Equal(CityTwin.Web.Drills.DrillScoring.OpenAtEnd, scored.GetProperty("missedBecause").GetString());

            using var admin = await second.CreateClientAsAsync(Roles.Admin);
            var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?target={runId}");
            Assert.Equal(["drill.start", "drill.stop"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Without the simulator no tick makes /healthz live: the alarm summary answering means the silo is up.</summary>
    private static Task ReadyAsync(HttpClient client) =>
        Wait.ForAsync(async () => (await client.GetAsync("/api/alarms/summary")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(120), "the silo to answer", TimeSpan.FromMilliseconds(250));

    private static async Task<string> AssetsInAlarmAsync(HttpClient client)
    {
        var city = await client.GetFromJsonAsync<JsonElement>("/api/city");
        return city.GetProperty("kpis").GetProperty("assetsInAlarm").GetRawText();
    }
}
