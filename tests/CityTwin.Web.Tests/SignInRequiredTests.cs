using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityTwin.Web.Tests;

/// <summary>
/// A city may require sign-in for everything: the page loads (it offers sign-in), health answers,
/// and every read and the live stream need an account, by session cookie or API token alike.
/// </summary>
public sealed class SignInRequiredTests(SignInRequiredHost host) : IClassFixture<SignInRequiredHost>
{
    [Fact]
    public async Task Reads_and_the_live_stream_need_an_account_while_the_page_and_health_stay_open()
    {
        using var anonymous = host.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        var me = await anonymous.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.True(me.GetProperty("requireSignIn").GetBoolean());
        foreach (var url in new[] { "/api/city", "/api/districts", "/api/scenarios", "/api/assets?limit=1" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync(token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var viewer = await host.App.CreateClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/city")).StatusCode);
        await using var live = await ConnectAsync(await host.App.CreateTokenAsync(Roles.Viewer));
        Assert.Equal(HubConnectionState.Connected, live.State);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session()
    {
        var name = await host.App.CreateUserAsync(Roles.Viewer);
        using var session = SessionClient.For(host.App);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/city")).StatusCode);

        using var admin = await host.App.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{name}/disable", null)).StatusCode);
        // This host looks at the account on every request (Security:SessionRevalidation = 0).
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/city")).StatusCode);
    }

    [Fact]
    public async Task Password_guessing_from_one_address_meets_429_with_retry_after()
    {
        using var guesser = host.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInRequiredHost.SignInPermitLimit + 2; i++)
            statuses.Add((await guesser.PostAsJsonAsync("/api/account/sign-in", new { userName = $"guess-{i}", password = "password123" })).StatusCode);
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        var last = await guesser.PostAsJsonAsync("/api/account/sign-in", new { userName = "guess", password = "password123" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        // Other requests are not limited.
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/healthz")).StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.App.Server.BaseAddress, "/hubs/twin"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.App.Server.CreateHandler();
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
