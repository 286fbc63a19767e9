using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Web.Stakeholders;

namespace CityTwin.Web.Tests.Stakeholders;

/// <summary>
/// Comments on published scenarios: any signed-in user comments for a group, planners moderate,
/// nothing unapproved is ever public; and the comparison scores runs through the lenses.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class CommentApiTests(TwinAppFactory app)
{
    [Fact]
    public async Task A_viewer_comments_a_planner_approves_and_only_approved_comments_are_public()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var id = await StakeholderRuns.RunAsync(planner, "LED for comments", "led-retrofit");
        var viewerName = await app.CreateUserAsync(Roles.Viewer);
        using var viewer = app.CreateHttpClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenForAsync(viewerName, Roles.Viewer));
        using var otherViewer = await app.CreateClientAsAsync(Roles.Viewer);
        using var anonymous = app.CreateClient();
        var url = $"/api/scenarios/{id}/comments";

        // Signing in is needed to comment.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, new { group = "community", text = "Brighter streets, lower bills." })).StatusCode);

        var first = await viewer.PostAsJsonAsync(url, new { group = "community", text = "  Brighter streets, lower bills.  " });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var pending = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal("Brighter streets, lower bills.", pending.GetProperty("text").GetString());
        var keep = pending.GetProperty("id").GetString()!;
        var drop = (await (await viewer.PostAsJsonAsync(url, new { group = "media", text = "Buy our newspaper!" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Unapproved: the author sees their own, nobody else but planners.
        Assert.Empty(await ListAsync(anonymous, url));
        Assert.Empty(await ListAsync(otherViewer, url));
        var own = await ListAsync(viewer, url);
        Assert.Equal([keep, drop], own.Select(c => c.GetProperty("id").GetString()));
        Assert.All(own, c => Assert.True(c.GetProperty("mine").GetBoolean()));
        Assert.Equal(2, (await ListAsync(planner, url)).Count(c => c.GetProperty("status").GetString() == "pending"));
        Assert.DoesNotContain("Brighter streets", await anonymous.GetStringAsync($"/api/scenarios/compare/brief?ids={id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Brighter streets", await anonymous.GetStringAsync($"/api/scenarios/{id}/brief"), StringComparison.Ordinal);

        // A viewer cannot moderate, not even their own comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"{url}/{keep}/moderate", new { status = "approved" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"{url}/{keep}/moderate", new { status = "approved" })).StatusCode);

        var approved = await planner.PostAsJsonAsync($"{url}/{keep}/moderate", new { status = "approved" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.StartsWith("planner-", decided.GetProperty("moderatedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, decided.GetProperty("moderatedAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"{url}/{drop}/moderate", new { status = "rejected" })).StatusCode);

        // The public sees the approved one, for its group, without the author's name; never the rejected one.
        var shown = Assert.Single(await ListAsync(anonymous, url));
        Assert.Equal((keep, "community"), (shown.GetProperty("id").GetString(), shown.GetProperty("group").GetString()));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("author").ValueKind);
        var brief = await anonymous.GetStringAsync($"/api/scenarios/compare/brief?ids={id}");
        Assert.Contains("Brighter streets, lower bills.", brief, StringComparison.Ordinal);
        Assert.Contains("data-group=\"community\"", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy our newspaper", brief, StringComparison.Ordinal);
        // The run's own brief carries them too, with every lens's score.
        var runBrief = await anonymous.GetStringAsync($"/api/scenarios/{id}/brief");
        Assert.Contains("Brighter streets, lower bills.", runBrief, StringComparison.Ordinal);
        Assert.Contains("data-lens=\"government\"", runBrief, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy our newspaper", runBrief, StringComparison.Ordinal);
        // The author still sees the rejected one, marked so.
        Assert.Equal("rejected", (await ListAsync(viewer, url)).Single(c => c.GetProperty("id").GetString() == drop).GetProperty("status").GetString());

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?target={id}/{keep}");
        Assert.Equal([StakeholderAuditActions.CommentApprove, StakeholderAuditActions.CommentCreate],
            audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(viewerName, audit.GetProperty("entries")[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Comments_are_checked_limited_and_taken_on_published_scenarios_only()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var published = await StakeholderRuns.RunAsync(planner, "Dimming for limits", "streetlight-dimming");
        var hidden = await StakeholderRuns.RunAsync(planner, "Unpublished", "streetlight-dimming", publish: false);
        using var viewer = await app.CreateClientAsAsync(Roles.Viewer);
        var url = $"/api/scenarios/{published}/comments";

        Assert.Contains("group", (await StakeholderRuns.ErrorsAsync(await viewer.PostAsJsonAsync(url, new { group = "lobby", text = "x" }))).Keys);
        Assert.Contains("group", (await StakeholderRuns.ErrorsAsync(await viewer.PostAsJsonAsync(url, new { text = "x" }))).Keys);
        Assert.Contains("text", (await StakeholderRuns.ErrorsAsync(await viewer.PostAsJsonAsync(url, new { group = "media", text = "   " }))).Keys);
        Assert.Contains("text", (await StakeholderRuns.ErrorsAsync(await viewer.PostAsJsonAsync(url, new { group = "media", text = new string('a', 1001) }))).Keys);
        Assert.Contains("status", (await StakeholderRuns.ErrorsAsync(await planner.PostAsJsonAsync($"{url}/c1/moderate", new { status = "maybe" }))).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PostAsJsonAsync($"{url}/c999/moderate", new { status = "approved" })).StatusCode);

        // Unpublished: the viewer cannot see it at all; a planner sees it but it takes no comments.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsJsonAsync($"/api/scenarios/{hidden}/comments", new { group = "media", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsJsonAsync($"/api/scenarios/{hidden}/comments", new { group = "government", text = "x" })).StatusCode);

        // Five comments in ten minutes, then 429 with when to come back.
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await viewer.PostAsJsonAsync(url, new { group = "academia", text = $"point {i}" })).StatusCode);
        var sixth = await viewer.PostAsJsonAsync(url, new { group = "academia", text = "one too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        // Another author is not held back by the first.
        using var second = await app.CreateClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync(url, new { group = "business", text = "fine by us" })).StatusCode);
    }

    [Fact]
    public async Task The_comparison_scores_each_run_through_each_lens_and_the_brief_shows_the_scores()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var led = await StakeholderRuns.RunAsync(planner, "LED for lenses", "led-retrofit");
        var ev = await StakeholderRuns.RunAsync(planner, "EVs for lenses", "ev-adoption");
        using var anonymous = app.CreateClient();

        var all = await anonymous.GetFromJsonAsync<JsonElement>($"/api/scenarios/compare?ids={led},{ev}");
        var lenses = all.GetProperty("lenses");
        Assert.Equal([led, ev], lenses.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        Assert.True(lenses.GetProperty("lenses").GetArrayLength() >= 5);
        foreach (var lens in lenses.GetProperty("lenses").EnumerateArray())
        {
            var runs = lens.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(2, runs.Count);
            // The score is the mean of the KPI parts, as the formula says.
            foreach (var run in runs)
                Assert.Equal(run.GetProperty("score").GetDouble(), run.GetProperty("kpis").EnumerateArray().Sum(k => k.GetProperty("contribution").GetDouble()), 9);
        }
        // The LED retrofit cuts streetlight energy: the government lens, which weighs it, scores it above zero.
        var government = lenses.GetProperty("lenses").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "government");
        Assert.True(government.GetProperty("runs")[0].GetProperty("score").GetDouble() > 0);

        var two = await anonymous.GetFromJsonAsync<JsonElement>($"/api/scenarios/compare?ids={led},{ev}&lenses=community,government");
        Assert.Equal(["government", "community"], two.GetProperty("lenses").GetProperty("lenses").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("lenses", (await StakeholderRuns.ErrorsAsync(await anonymous.GetAsync($"/api/scenarios/compare?ids={led}&lenses=nobody"))).Keys);

        // The CSV carries each lens's score per run.
        var csv = await anonymous.GetStringAsync($"/api/scenarios/compare/kpis.csv?ids={led},{ev}");
        var governmentRow = csv.Split('\n').Single(l => l.StartsWith($"{led},", StringComparison.Ordinal) && l.Contains(",lens:government,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(government.GetProperty("runs")[0].GetProperty("score").GetDouble(), double.Parse(governmentRow[6], System.Globalization.CultureInfo.InvariantCulture), 9);
        var brief = await anonymous.GetStringAsync($"/api/scenarios/compare/brief?ids={led},{ev}&lenses=community,government");
        Assert.Contains("Stakeholder lenses", brief, StringComparison.Ordinal);
        Assert.Contains("data-lens=\"government\"", brief, StringComparison.Ordinal);
        Assert.Contains("data-lens=\"community\"", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("data-lens=\"media\"", brief, StringComparison.Ordinal);
        var score = government.GetProperty("runs")[0].GetProperty("score").GetDouble();
        Assert.Contains(((score > 0 ? "+" : "") + score.ToString(Math.Abs(score) >= 100 ? "N0" : "0.##", System.Globalization.CultureInfo.InvariantCulture)) + " %", brief, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray()];
}
