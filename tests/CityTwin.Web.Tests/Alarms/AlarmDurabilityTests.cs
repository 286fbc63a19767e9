using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>
/// An operator's actions and the rules they edit are in the SQLite store when they are answered:
/// after a restart of the embedded app the alarm has its state, assignee and timeline, the rule is
/// there, and the audit log holds the actions. In the shared collection so its hosts never run
/// beside another.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class AlarmDurabilityTests
{
    [Fact]
    public async Task Alarm_actions_rules_and_their_audit_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id, rule, operatorName;
            DateTimeOffset storedAt;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var op = await first.CreateClientAsAsync(Roles.Operator);
                var dong = AlarmTestRules.Dong(first, 3);
                rule = await AlarmTestRules.CreateAsync(op, dong);
                id = (await AlarmTestRules.AlarmOfAsync(op, rule, dong)).GetProperty("id").GetString()!;
                var acked = await op.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "before the restart" });
                Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
                var assigned = await op.PostAsJsonAsync($"/api/alarms/{id}/assign", new { assignee = "lee" });
                Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
                var stored = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alarm");
                operatorName = stored.GetProperty("acknowledgedBy").GetString()!;
                storedAt = stored.GetProperty("updatedAt").GetDateTimeOffset();
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var reader = second.CreateClient();
            var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/alarms/{id}");
            var alarm = detail.GetProperty("alarm");
            Assert.Equal(("activeAcknowledged", "lee", operatorName),
                (alarm.GetProperty("state").GetString(), alarm.GetProperty("assignedTo").GetString(), alarm.GetProperty("acknowledgedBy").GetString()));
            var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
            Assert.Equal(["raised", "acknowledged", "assigned"], timeline.Take(3).Select(e => e.GetProperty("type").GetString()));
            Assert.Equal("before the restart", timeline[1].GetProperty("note").GetString());
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/alarm-rules/{rule}")).StatusCode);

            // The restarted twin's evaluator restates the condition: the same alarm is touched, no second one is made.
            using var admin = await second.CreateClientAsAsync(Roles.Admin);
            var listed = await Wait.ForAsync(() => reader.GetFromJsonAsync<JsonElement>($"/api/alarms?area={alarm.GetProperty("dongCode").GetString()}&pageSize=500"),
                p => p.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetString() == id && a.GetProperty("updatedAt").GetDateTimeOffset() > storedAt),
                TimeSpan.FromSeconds(60), "the restated alarm", TimeSpan.FromMilliseconds(250));
            Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("ruleId").GetString() == rule).Select(a => a.GetProperty("id").GetString()));

            var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?target={id}");
            Assert.Equal(["alarm.acknowledge", "alarm.assign"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
