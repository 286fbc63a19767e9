using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// Presenting a tour: a trainer starts a session, followers join it over the real SignalR hub by
/// its code, the presenter's moves and pings reach them, a late joiner lands on the current stop,
/// and nobody but the presenter (or an admin) can drive it.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class TourSessionTests(TwinAppFactory app)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private sealed class Follower : IAsyncDisposable
    {
        public required HubConnection Connection { get; init; }
        public ConcurrentQueue<JsonElement> Stops { get; } = new();
        public ConcurrentQueue<JsonElement> Pings { get; } = new();
        public ConcurrentQueue<JsonElement> Ended { get; } = new();

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private async Task<Follower> FollowerAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/twin"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .Build();
        var follower = new Follower { Connection = connection };
        connection.On<JsonElement>("tourStop", f => follower.Stops.Enqueue(f));
        connection.On<JsonElement>("tourPing", f => follower.Pings.Enqueue(f));
        connection.On<JsonElement>("tourEnded", f => follower.Ended.Enqueue(f));
        await connection.StartAsync();
        return follower;
    }

    private static async Task<(string Code, JsonElement Session)> PresentAsync(HttpClient trainer, string tour = "songdo-field-visit")
    {
        var response = await trainer.PostAsync($"/api/tours/{tour}/present", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (session.GetProperty("code").GetString()!, session);
    }

    [Fact]
    public async Task Followers_move_with_the_presenter_and_a_late_joiner_lands_on_the_current_stop()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var (code, session) = await PresentAsync(trainer);
        Assert.Matches("^[ACDEFGHJKMNPQRTUVWXY34679]{6}$", code);
        Assert.EndsWith($"/?join={code}", session.GetProperty("joinUrl").GetString());
        Assert.Equal(0, session.GetProperty("stopIndex").GetInt32());

        await using var early = await FollowerAsync();
        var joined = await early.Connection.InvokeAsync<JsonElement>("JoinTour", code.ToLowerInvariant());
        Assert.Equal(0, joined.GetProperty("stopIndex").GetInt32());
        Assert.Equal("g-tower", joined.GetProperty("targetId").GetString());

        var moved = await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 1 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await Wait.UntilAsync(() => early.Stops.Any(s => s.GetProperty("stopIndex").GetInt32() == 1), Timeout, "the follower to receive stop 2");
        var pushed = early.Stops.Last();
        Assert.Equal("ifez-scoc", pushed.GetProperty("targetId").GetString());
        Assert.Equal(16.2, pushed.GetProperty("zoom").GetDouble());
        Assert.Equal("IFEZ Smart City Operation Center", pushed.GetProperty("title").GetProperty("en").GetString());
        Assert.True(pushed.GetProperty("version").GetInt64() > joined.GetProperty("version").GetInt64());

        await using var late = await FollowerAsync();
        var landed = await late.Connection.InvokeAsync<JsonElement>("JoinTour", code);
        Assert.Equal(1, landed.GetProperty("stopIndex").GetInt32());
        Assert.Equal(1, (await trainer.GetFromJsonAsync<JsonElement>($"/api/tour-sessions/{code}")).GetProperty("stopIndex").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/ping", new { lon = 126.6394, lat = 37.3925 })).StatusCode);
        await Wait.UntilAsync(() => early.Pings.Any() && late.Pings.Any(), Timeout, "both followers to see the ping");
        Assert.Equal(126.6394, late.Pings.Single().GetProperty("lon").GetDouble());

        // A follower who leaves gets nothing more; the other still follows.
        await early.Connection.InvokeAsync("LeaveTour", code);
        var earlyCount = early.Stops.Count;
        await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 2 });
        await Wait.UntilAsync(() => late.Stops.Any(s => s.GetProperty("stopIndex").GetInt32() == 2), Timeout, "the remaining follower to receive stop 3");
        Assert.Equal(earlyCount, early.Stops.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await trainer.DeleteAsync($"/api/tour-sessions/{code}")).StatusCode);
        await Wait.UntilAsync(() => late.Ended.Any(), Timeout, "the follower to learn the session ended");
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/api/tour-sessions/{code}")).StatusCode);
        var gone = await Assert.ThrowsAsync<HubException>(() => late.Connection.InvokeAsync<JsonElement>("JoinTour", code));
        Assert.Contains("No tour session", gone.Message);
    }

    [Fact]
    public async Task A_follower_cannot_drive_the_tour()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var (code, _) = await PresentAsync(trainer);
        await using var follower = await FollowerAsync();
        await follower.Connection.InvokeAsync<JsonElement>("JoinTour", code);

        using var anonymous = app.CreateHttpClient();
        using var viewer = await app.CreateClientAsAsync(Roles.Viewer);
        using var otherTrainer = await app.CreateClientAsAsync(Roles.Trainer);
        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (viewer, HttpStatusCode.Forbidden), (otherTrainer, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 3 })).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/tour-sessions/{code}/ping", new { lon = 126.6, lat = 37.4 })).StatusCode);
            Assert.Equal(expected, (await client.DeleteAsync($"/api/tour-sessions/{code}")).StatusCode);
        }
        // The hub offers followers no way to move the session.
        await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync("GoTo", code, 3));

        var state = await anonymous.GetFromJsonAsync<JsonElement>($"/api/tour-sessions/{code}");
        Assert.Equal(0, state.GetProperty("stopIndex").GetInt32());
        Assert.Empty(follower.Stops);
        Assert.Empty(follower.Pings);

        // An admin may take over a presentation.
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 1 })).StatusCode);
        await Wait.UntilAsync(() => follower.Stops.Any(), Timeout, "the follower to follow the admin's move");

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=tour.&target={code}&outcome=refused&pageSize=50");
        Assert.Equal(3, audit.GetProperty("total").GetInt32());
        await trainer.DeleteAsync($"/api/tour-sessions/{code}");
    }

    [Theory]
    [InlineData("""{"index":99}""", "index")]
    [InlineData("""{"index":-1}""", "index")]
    [InlineData("""{}""", "index")]
    public async Task A_stop_outside_the_tour_is_refused(string body, string field)
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var (code, _) = await PresentAsync(trainer);
        var response = await trainer.PostAsync($"/api/tour-sessions/{code}/stop", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        var ping = await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/ping", new { lon = 500, lat = 37.4 });
        Assert.Equal(HttpStatusCode.BadRequest, ping.StatusCode);
        Assert.True((await ping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lon", out _));
        await trainer.DeleteAsync($"/api/tour-sessions/{code}");
    }

    [Fact]
    public async Task A_malformed_or_unknown_code_is_refused_and_the_connection_stays_up()
    {
        await using var follower = await FollowerAsync();
        foreach (var code in new[] { "", "ABC", "OOOOOO", "ABCDEFGHIJKLMNOP", "A'B;CD" })
            await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync<JsonElement>("JoinTour", code));
        await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync<JsonElement>("JoinTour", "ACDEFG"));
        Assert.Equal(HubConnectionState.Connected, follower.Connection.State);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tour-sessions/OOOOOO")).StatusCode);
    }

    [Fact]
    public async Task The_join_link_is_offered_as_a_QR_code()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var (code, session) = await PresentAsync(trainer);
        using var phone = app.CreateHttpClient();
        var qr = await phone.GetAsync(session.GetProperty("qrUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        var svg = System.Xml.Linq.XDocument.Parse(await qr.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Root.Descendants().Count() > 1, "an empty QR code");
        await trainer.DeleteAsync($"/api/tour-sessions/{code}");
    }

    [Fact]
    public async Task Tour_pushes_keep_lower_camel_case_keys_under_MessagePack()
    {
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        var (code, _) = await PresentAsync(trainer);
        var received = new ConcurrentDictionary<string, object?>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/twin"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .AddMessagePackProtocol()
            .Build();
        foreach (var kind in new[] { "tourStop", "tourPing", "tourEnded" }) connection.On<object?>(kind, body => received[kind] = body);
        await connection.StartAsync();
        await connection.InvokeAsync<object?>("JoinTour", code);
        await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 1 });
        await trainer.PostAsJsonAsync($"/api/tour-sessions/{code}/ping", new { lon = 126.63, lat = 37.39 });
        await Wait.UntilAsync(() => received.ContainsKey("tourStop") && received.ContainsKey("tourPing"), Timeout, "stop and ping pushes");
        await trainer.DeleteAsync($"/api/tour-sessions/{code}");
        await Wait.UntilAsync(() => received.ContainsKey("tourEnded"), Timeout, "the end push");

        static IEnumerable<string> Keys(object? body) => Assert.IsType<Dictionary<object, object>>(body).Keys.Cast<string>().Order();
        Assert.Equal(["bearing", "center", "code", "kpi", "layers", "narrative", "pitch", "presenter", "replayTime", "scenarioId", "simTime", "stopCount", "stopIndex",
            "targetId", "targetKind", "title", "tourId", "tourTitle", "version", "zoom"], Keys(received["tourStop"]));
        Assert.Equal(["code", "lat", "lon"], Keys(received["tourPing"]));
        Assert.Equal(["code"], Keys(received["tourEnded"]));
        var narrative = (Dictionary<object, object>)((Dictionary<object, object>)received["tourStop"]!)["narrative"];
        Assert.Equal(["en", "id", "kk", "ko", "mn", "ru"], narrative.Keys.Cast<string>().Order());
    }
}
