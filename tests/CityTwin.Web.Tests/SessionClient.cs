using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityTwin.Web.Tests;

/// <summary>A browser-like client: keeps cookies, signs in with a password, sends the anti-forgery token it read from /me.</summary>
public sealed class SessionClient : IDisposable
{
    private SessionClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public string? AntiforgeryToken { get; private set; }

    public static SessionClient For(TwinAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    public Task<HttpResponseMessage> SignInAsync(string userName, string password = TwinAccounts.Password) =>
        Http.PostAsJsonAsync("/api/account/sign-in", new { userName, password });

    /// <summary>Reads /api/account/me (and the anti-forgery token of the current session).</summary>
    public async Task<JsonElement> MeAsync()
    {
        var me = await Http.GetFromJsonAsync<JsonElement>("/api/account/me");
        AntiforgeryToken = me.GetProperty("antiforgeryToken").GetString();
        return me;
    }

    /// <summary>A JSON POST with the session's anti-forgery token (when <paramref name="withToken"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(string url, object body, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (withToken && AntiforgeryToken is not null) request.Headers.Add("X-CSRF-TOKEN", AntiforgeryToken);
        return Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
