using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>
/// The alarm API on the real app: the default rules raise alarms at once; filters are checked per
/// field; viewers read but may not act; an operator takes an alarm through its lifecycle, every
/// action in its timeline and in the audit log; rules are validated, versioned and audited.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class AlarmApiTests(TwinAppFactory app)
{
    private static readonly string[] SeverityOrder = ["critical", "major", "minor", "warning"];

    [Fact]
    public async Task The_default_rules_raise_alarms_at_once_and_the_list_is_sorted_filtered_and_paged()
    {
        using var anyone = app.CreateClient();
        var page = await Wait.ForAsync(() => anyone.GetFromJsonAsync<JsonElement>("/api/alarms?state=open&pageSize=500"),
            p => p.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(60), "alarms from the default rules");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var ranks = items.Select(a => Array.IndexOf(SeverityOrder, a.GetProperty("severity").GetString())).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        Assert.All(items, a => Assert.NotEqual("closed", a.GetProperty("state").GetString()));

        var severity = items[0].GetProperty("severity").GetString()!;
        var filtered = await anyone.GetFromJsonAsync<JsonElement>($"/api/alarms?severity={severity}&state=open&pageSize=500");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), a => Assert.Equal(severity, a.GetProperty("severity").GetString()));
        var gu = items[0].GetProperty("guCode").GetString()!;
        var inGu = await anyone.GetFromJsonAsync<JsonElement>($"/api/alarms?area={gu}&pageSize=500");
        Assert.All(inGu.GetProperty("items").EnumerateArray(), a => Assert.Equal(gu, a.GetProperty("guCode").GetString()));

        var one = await anyone.GetFromJsonAsync<JsonElement>("/api/alarms?state=open&pageSize=1&page=2");
        Assert.Equal(1, one.GetProperty("items").GetArrayLength());
        Assert.Equal(items[1].GetProperty("id").GetString(), one.GetProperty("items")[0].GetProperty("id").GetString());

        var summary = await anyone.GetFromJsonAsync<JsonElement>("/api/alarms/summary");
        Assert.True(summary.GetProperty("active").GetInt32() > 0);
        Assert.True(summary.GetProperty("operatorsOnDuty").GetInt32() >= 1);

        var bad = await anyone.GetAsync("/api/alarms?state=burning&severity=loud&service=weather&area=99&pageSize=0&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["area", "service", "severity", "state", "to"], errors.EnumerateObject().Select(e => e.Name).Where(n => n != "pageSize").Order());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/alarms/28185-999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/alarms/nobook-1")).StatusCode);
    }

    [Fact]
    public async Task An_operator_takes_an_alarm_through_its_lifecycle_a_viewer_may_not_and_every_action_is_audited()
    {
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        using var viewer = await app.CreateClientAsAsync(Roles.Viewer);
        using var anonymous = app.CreateClient();
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var dong = AlarmTestRules.Dong(app, 0);
        var rule = await AlarmTestRules.CreateAsync(op, dong);
        var alarm = await AlarmTestRules.AlarmOfAsync(viewer, rule, dong);
        var id = alarm.GetProperty("id").GetString()!;
        Assert.Equal(("activeUnacknowledged", "critical", "disaster", "substation"),
            (alarm.GetProperty("state").GetString(), alarm.GetProperty("severity").GetString(), alarm.GetProperty("service").GetString(), alarm.GetProperty("sourceKind").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/alarm-rules", AlarmTestRules.AlwaysOn(dong))).StatusCode);

        async Task<JsonElement> Act(string action, object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await op.PostAsJsonAsync($"/api/alarms/{id}/{action}", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement;
        }

        Assert.Equal("activeAcknowledged", (await Act("acknowledge", new { note = "on it" })).GetProperty("alarm").GetProperty("state").GetString());
        await Act("acknowledge", new { }, HttpStatusCode.Conflict);
        var noAssignee = await Act("assign", new { note = "x" }, HttpStatusCode.BadRequest);
        Assert.True(noAssignee.GetProperty("errors").TryGetProperty("assignee", out _));
        Assert.True((await Act("shelve", new { note = "x", minutes = 0 }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("minutes", out _));
        Assert.Equal("kim", (await Act("assign", new { assignee = "kim", note = "field crew" })).GetProperty("alarm").GetProperty("assignedTo").GetString());
        await Act("comment", new { note = "crew on site" });
        Assert.True((await Act("shelve", new { note = "maintenance", minutes = 30 })).GetProperty("alarm").TryGetProperty("shelvedUntil", out var until) && until.ValueKind == JsonValueKind.String);
        await Act("unshelve", new { });
        var resolved = await Act("resolve", new { note = "breaker reset" });
        Assert.Equal("closed", resolved.GetProperty("alarm").GetProperty("state").GetString());
        await Act("resolve", new { }, HttpStatusCode.Conflict);

        var detail = await viewer.GetFromJsonAsync<JsonElement>($"/api/alarms/{id}");
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["raised", "acknowledged", "assigned", "commented", "shelved", "unshelved", "resolved"], timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("breaker reset", timeline[^1].GetProperty("note").GetString());
        var operatorName = timeline[1].GetProperty("actor").GetString();
        Assert.False(string.IsNullOrEmpty(operatorName));

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=alarm.&target={id}&pageSize=50");
        var actions = audit.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("outcome").GetString())).ToList();
        foreach (var action in new[] { "alarm.acknowledge", "alarm.assign", "alarm.comment", "alarm.shelve", "alarm.unshelve", "alarm.resolve" })
            Assert.Contains((action, operatorName, "done"), actions);
        Assert.Contains(("alarm.acknowledge", operatorName, "refused"), actions);
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarm.assign" && e.GetProperty("detail").GetString()!.Contains("to kim", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{rule}")).StatusCode);
    }

    [Fact]
    public async Task Rules_are_validated_per_field_versioned_and_audited_with_before_and_after_and_their_alarms_clear_when_removed()
    {
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var bad = await op.PostAsJsonAsync("/api/alarm-rules", new { name = "", type = "threshold", kind = "toaster", limit = "high", severity = "huge", service = "x", hysteresis = -1, areaCode = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badChannel = await op.PostAsJsonAsync("/api/alarm-rules", new { name = "n", type = "threshold", kind = "flood", channel = "depth", limit = 3, severity = "minor", service = "disaster" });
        Assert.Equal(["channel"], (await badChannel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var badKpi = await op.PostAsJsonAsync("/api/alarm-rules", new { name = "n", type = "areaKpi", kpi = "happiness", level = "city", limit = 3, severity = "minor", service = "environment", delaySeconds = 1e6 });
        Assert.Equal(["delaySeconds", "kpi", "level"], (await badKpi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        var rules = await op.GetFromJsonAsync<JsonElement>("/api/alarm-rules");
        Assert.Contains(rules.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "flood-level-cm-high" && r.GetProperty("severity").GetString() == "critical");

        var dong = AlarmTestRules.Dong(app, 1);
        var id = await AlarmTestRules.CreateAsync(op, dong, "minor");
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync("/api/alarm-rules", new Dictionary<string, object>
        {
            ["id"] = id, ["name"] = "again", ["type"] = "stale", ["kind"] = "flood", ["limit"] = 5, ["severity"] = "minor", ["service"] = "disaster",
        })).StatusCode);
        var alarm = await AlarmTestRules.AlarmOfAsync(op, id, dong);
        Assert.Equal("minor", alarm.GetProperty("severity").GetString());

        var changed = await op.PutAsJsonAsync($"/api/alarm-rules/{id}", new
        {
            name = "Test: substation loaded (edited)", type = "threshold", kind = "substation", channel = "loading_pct", limit = -2, areaCode = dong, severity = "major", service = "disaster",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await op.PutAsJsonAsync("/api/alarm-rules/no-such-rule", AlarmTestRules.AlwaysOn(dong))).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=alarm-rule.&target={id}");
        var entries = audit.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("action").GetString()!, e => e.GetProperty("detail").GetString()!);
        Assert.Contains("\"limit\":-1", entries["alarm-rule.update"].Split(" after: ")[0], StringComparison.Ordinal);
        Assert.Contains("\"limit\":-2", entries["alarm-rule.update"].Split(" after: ")[1], StringComparison.Ordinal);
        Assert.Contains("\"version\":1", entries["alarm-rule.create"], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync($"/api/alarm-rules/{id}")).StatusCode);
        // Without its rule the condition no longer holds: the dong's evaluator restates and the book clears it.
        var alarmId = alarm.GetProperty("id").GetString()!;
        await Wait.ForAsync(() => op.GetFromJsonAsync<JsonElement>($"/api/alarms/{alarmId}"),
            a => a.GetProperty("alarm").GetProperty("state").GetString() == "clearedUnacknowledged", TimeSpan.FromSeconds(60), "the alarm of the removed rule to clear", TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Csv_export_lists_the_filtered_alarms_with_a_header()
    {
        using var anyone = app.CreateClient();
        await Wait.ForAsync(() => anyone.GetFromJsonAsync<JsonElement>("/api/alarms?state=open"), p => p.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(60), "open alarms");
        var response = await anyone.GetAsync("/api/alarms.csv?state=open,closed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,parent_id,severity,state,service,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        var stateColumn = Array.IndexOf(lines[0].Split(','), "state");
        // Rule names may hold commas inside quotes; the state column comes before any of them.
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[stateColumn], new[] { "activeUnacknowledged", "activeAcknowledged", "clearedUnacknowledged", "closed" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/api/alarms.csv?severity=loud")).StatusCode);
    }
}
