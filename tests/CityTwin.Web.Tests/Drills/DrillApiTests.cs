using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Drills;

/// <summary>
/// Drills on the real app: the pack's catalogue on real places in six languages; only trainers and
/// admins start and stop them, a cookie session only with its anti-forgery token; input is checked
/// per field; one run at a time; drill alarms are marked in the list, the detail and the CSV; an
/// operator's actions are scored in the after-action report; every start and stop is audited.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class DrillApiTests(TwinAppFactory app)
{
    public static readonly string[] PackDrills = ["incheon-bridge-crash", "songdo-pm25-episode", "songdo-streetlights-dark", "songdo-underpass-flash-flood", "yeonsu-substation-trip"];

    [Fact]
    public async Task The_catalogue_holds_the_packs_drills_on_real_places_in_six_languages()
    {
        using var anyone = app.CreateClient();
        var drills = await anyone.GetFromJsonAsync<JsonElement>("/api/drills");
        Assert.Equal(PackDrills, drills.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order());
        foreach (var drill in drills.EnumerateArray())
        {
            Assert.Equal(["en", "id", "kk", "ko", "mn", "ru"], drill.GetProperty("title").EnumerateObject().Select(p => p.Name).Order());
            Assert.All(drill.GetProperty("steps").EnumerateArray(), s =>
            {
                Assert.StartsWith("28", s.GetProperty("guCode").GetString(), StringComparison.Ordinal);
                Assert.InRange(s.GetProperty("lon").GetDouble(), 126.0, 127.0);
                Assert.InRange(s.GetProperty("lat").GetDouble(), 37.0, 38.0);
            });
        }
        var flood = await anyone.GetFromJsonAsync<JsonElement>("/api/drills/songdo-underpass-flash-flood");
        Assert.Equal("flood", flood.GetProperty("steps")[0].GetProperty("sourceKind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/drills/volcano")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/drills/runs/drill0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/drills/runs/not-a-run/report")).StatusCode);
    }

    [Fact]
    public async Task Only_trainers_and_admins_run_drills_and_an_operators_handling_is_scored_marked_and_audited()
    {
        using var anonymous = app.CreateClient();
        using var viewer = await app.CreateClientAsAsync(Roles.Viewer);
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        const string start = "/api/drills/yeonsu-substation-trip/start";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(start, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(start, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync(start, new { })).StatusCode);
        var bad = await trainer.PostAsJsonAsync(start, new { speed = 0, note = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["note", "speed"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var wrongType = await trainer.PostAsync(start, new StringContent("""{"speed":"fast"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.PostAsJsonAsync("/api/drills/volcano/start", new { })).StatusCode);

        // A trainer's cookie session starts a drill only with its anti-forgery token.
        var trainerName = await app.CreateUserAsync(Roles.Trainer);
        using var session = SessionClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(trainerName)).StatusCode);
        await session.MeAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsync(start, new { speed = 4 }, withToken: false)).StatusCode);
        var started = await session.PostAsync(start, new { speed = 4, note = "cohort A" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = await started.Content.ReadFromJsonAsync<JsonElement>();
        var runId = run.GetProperty("runId").GetString()!;
        try
        {
            Assert.Equal(("running", trainerName, 4.0), (run.GetProperty("status").GetString(), run.GetProperty("startedBy").GetString(), run.GetProperty("speed").GetDouble()));
            var second = await admin.PostAsJsonAsync("/api/drills/songdo-pm25-episode/start", new { });
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

            // The trip (step 0) is in the control room's list at once, marked as a drill of this run.
            var trip = await DrillAlarmAsync(viewer, runId, "substation-2818576100-001");
            var id = trip.GetProperty("id").GetString()!;
            Assert.Equal(("critical", "disaster", "28185", "2818576100"),
                (trip.GetProperty("severity").GetString(), trip.GetProperty("service").GetString(), trip.GetProperty("guCode").GetString(), trip.GetProperty("dongCode").GetString()));
            var inArea = await viewer.GetFromJsonAsync<JsonElement>("/api/alarms?area=2818576100&state=open&pageSize=500");
            Assert.Contains(inArea.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);

            Assert.Equal(HttpStatusCode.Forbidden, (await trainer.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "drill seen" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/alarms/{id}/assign", new { assignee = "grid crew" })).StatusCode);
            var resolved = await op.PostAsJsonAsync($"/api/alarms/{id}/resolve", new { note = "feeder back" });
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
            var detail = (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alarm");
            Assert.True(detail.GetProperty("drill").GetBoolean());
            Assert.Equal("closed", detail.GetProperty("state").GetString());

            // Closed drill alarms stay out of the history of real alarms; the open ones are in the CSV, marked.
            var closed = await viewer.GetFromJsonAsync<JsonElement>("/api/alarms?state=closed&pageSize=500");
            Assert.DoesNotContain(closed.GetProperty("items").EnumerateArray(), a => a.GetProperty("drill").GetBoolean());
            var circuit = await DrillAlarmAsync(viewer, runId, "streetlight-2818576100-001");
            var csv = (await viewer.GetStringAsync("/api/alarms.csv?area=2818576100")).Split('\n');
            Assert.EndsWith(",drill,drill_run", csv[0], StringComparison.Ordinal);
            Assert.Contains(csv, line => line.StartsWith(circuit.GetProperty("id").GetString() + ",", StringComparison.Ordinal) && line.EndsWith($",true,{runId}", StringComparison.Ordinal));

            Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync($"/api/drills/runs/{runId}/stop", new { })).StatusCode);
            var stopped = await trainer.PostAsJsonAsync($"/api/drills/runs/{runId}/stop", new { });
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
            Assert.Equal("stopped", (await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await trainer.PostAsJsonAsync($"/api/drills/runs/{runId}/stop", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/alarms/{circuit.GetProperty("id").GetString()}/acknowledge", new { })).StatusCode);
            var open = await viewer.GetFromJsonAsync<JsonElement>("/api/alarms?area=2818576100&state=open&pageSize=500");
            Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), a => a.GetProperty("drill").GetBoolean());

            var report = await viewer.GetFromJsonAsync<JsonElement>($"/api/drills/runs/{runId}/report");
            var scored = report.GetProperty("alarms").EnumerateArray().ToList();
            var tripScore = scored.Single(a => a.GetProperty("alarmId").GetString() == id);
            Assert.False(tripScore.GetProperty("missed").GetBoolean());
            var toAck = tripScore.GetProperty("secondsToAcknowledge").GetDouble();
            var toAssign = tripScore.GetProperty("secondsToAssign").GetDouble();
            var toResolve = tripScore.GetProperty("secondsToResolve").GetDouble();
            Assert.True(toAck <= toAssign && toAssign <= toResolve, $"{toAck} ≤ {toAssign} ≤ {toResolve}");
            Assert.Equal("grid crew", tripScore.GetProperty("assignedTo").GetString());
            // The circuits were never handled: open at the end of the run.
            Assert.All(scored.Where(a => a.GetProperty("alarmId").GetString() != id), a => Assert.True(a.GetProperty("missed").GetBoolean()));
            var score = report.GetProperty("score");
            Assert.Equal(scored.Count, score.GetProperty("alarms").GetInt32());
            Assert.Equal(scored.Count - 1, score.GetProperty("missed").GetInt32());
            var types = report.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
            Assert.Equal("started", types[0]);
            Assert.Equal("stopped", types[^1]);
            Assert.Contains("acknowledged", types);

            var runs = await viewer.GetFromJsonAsync<JsonElement>("/api/drills/runs");
            Assert.Equal("stopped", runs.EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId).GetProperty("status").GetString());

            var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=drill.&pageSize=200");
            var entries = audit.GetProperty("entries").EnumerateArray()
                .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString(), e.GetProperty("target").GetString())).ToList();
            Assert.Contains(("drill.start", "done", runId), entries);
            Assert.Contains(("drill.stop", "done", runId), entries);
            Assert.Contains(("drill.start", "refused", "songdo-pm25-episode"), entries);
            Assert.Contains(("drill.stop", "refused", runId), entries);
        }
        finally
        {
            await trainer.PostAsJsonAsync($"/api/drills/runs/{runId}/stop", new { });
        }
    }

    /// <summary>Waits until the run's open alarm on <paramref name="source"/> is in the control room's list.</summary>
    public static Task<JsonElement> DrillAlarmAsync(HttpClient client, string runId, string source) =>
        Wait.ForAsync(async () =>
        {
            // The place's dong narrows the list: the live twin's own alarms could fill a page.
            var dong = source.Split('-')[1];
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/alarms?state=open&area={dong}&pageSize=500");
            return page.GetProperty("items").EnumerateArray().FirstOrDefault(a =>
                a.GetProperty("drill").GetBoolean() && a.GetProperty("runId").GetString() == runId && a.GetProperty("sourceId").GetString() == source);
        }, a => a.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(90), $"the drill alarm on {source}", TimeSpan.FromMilliseconds(250));
}
