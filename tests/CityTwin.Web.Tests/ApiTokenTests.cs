using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace CityTwin.Web.Tests;

/// <summary>API tokens: never more than their owner, revocable at once, created only in a session.</summary>
[Collection(TwinCollection.Name)]
public sealed class ApiTokenTests(TwinAppFactory app)
{
    [Fact]
    public async Task A_revoked_token_is_refused_on_its_next_request()
    {
        var name = await app.CreateUserAsync(Roles.Trainer);
        using var session = SessionClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(name)).StatusCode);
        await session.MeAsync();
        var created = await session.PostAsync("/api/account/tokens", new { name = "drill script", scopes = new[] { Roles.Trainer } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("token").GetProperty("id").GetString()!;
        Assert.StartsWith(ApiTokenService.SecretPrefix, secret);
        Assert.DoesNotContain(secret, await session.Http.GetStringAsync("/api/account/tokens"));

        using var script = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);

        var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/account/tokens/{id}");
        revoke.Headers.Add("X-CSRF-TOKEN", session.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.SendAsync(revoke)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);
    }

    [Fact]
    public async Task A_token_acts_with_the_roles_its_owner_still_holds_among_its_scopes()
    {
        // An admin's token scoped to planning may plan but not set the clock.
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var planning = Bearer(await app.CreateTokenForAsync(admin, Roles.Planner));
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planning.DeleteAsync("/api/scenarios/nonexistent")).StatusCode);

        // A trainer's token loses the clock when the trainer loses the role.
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var clock = Bearer(await app.CreateTokenForAsync(trainer, Roles.Trainer));
        Assert.Equal(HttpStatusCode.OK, (await clock.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);
        using var administrator = await app.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await administrator.PutAsJsonAsync($"/api/admin/users/{trainer}/roles", new { roles = new[] { Roles.Viewer } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clock.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);

        // And stops altogether when the account is disabled.
        Assert.Equal(HttpStatusCode.OK, (await administrator.PostAsync($"/api/admin/users/{trainer}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clock.GetAsync("/api/account/tokens")).StatusCode);
    }

    [Fact]
    public async Task Nobody_makes_a_token_that_does_more_than_they_may()
    {
        var name = await app.CreateUserAsync(Roles.Planner);
        using var session = SessionClient.For(app);
        await session.SignInAsync(name);
        await session.MeAsync();
        var refused = await session.PostAsync("/api/account/tokens", new { name = "too much", scopes = new[] { Roles.Planner, Roles.Admin, "root" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.False(errors.TryGetProperty("scopes[0]", out _));
        Assert.Contains("cannot do more than its owner", errors.GetProperty("scopes[1]")[0].GetString());
        Assert.Contains("Unknown scope", errors.GetProperty("scopes[2]")[0].GetString());

        // A token cannot mint tokens: revoking the first must end everything it could do.
        using var withToken = await app.CreateClientAsAsync(Roles.Planner);
        var minted = await withToken.PostAsJsonAsync("/api/account/tokens", new { name = "child", scopes = new[] { Roles.Planner } });
        Assert.Equal(HttpStatusCode.BadRequest, minted.StatusCode);
    }

    [Theory]
    [InlineData("Bearer ctw_not-a-real-token")]
    [InlineData("Bearer ")]
    [InlineData("Bearer somebody-elses-format")]
    public async Task An_unknown_token_is_refused_even_for_reads_it_could_do_without(string header)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var response = await client.GetAsync("/api/account/tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Bearer(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

}
