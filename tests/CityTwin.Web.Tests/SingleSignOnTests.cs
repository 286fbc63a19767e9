using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing.Oidc;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// Single sign-on end to end against a real OpenID Connect provider: the browser goes to the
/// provider and back, and what the provider says about the person decides the CityTwin account
/// and its roles.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnHost host) : IClassFixture<SingleSignOnHost>
{
    private const string SignIn = "/api/account/sign-in/oidc";

    private static readonly object Scenario = new
    {
        name = "single sign-on planner",
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours = 2,
        stepMinutes = 15,
        seed = 3,
        interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
    };

    [Fact]
    public async Task A_planner_at_the_provider_signs_in_as_planner_and_may_run_scenarios_but_not_set_the_clock()
    {
        var person = TestPerson.New("city-planning", "staff");
        using var browser = await SignedInAsync(person);

        var me = await MeAsync(browser);
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(person.UserName, me.GetProperty("userName").GetString());
        Assert.Equal(person.Name, me.GetProperty("displayName").GetString());
        Assert.Equal([Roles.Planner], RolesOf(me));
        Assert.Equal("oidc", me.GetProperty("via").GetString());

        // Changes made with the session cookie need the anti-forgery token from /me.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.PostAsJsonAsync("/api/scenarios", Scenario)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(browser, me, "/api/scenarios", Scenario)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(browser, me, "/api/clock", new { speed = 30 })).StatusCode);
    }

    [Fact]
    public async Task A_later_sign_in_replaces_the_roles_with_the_groups_the_provider_gives_then()
    {
        var person = TestPerson.New("city-planning");
        using (var monday = await SignedInAsync(person))
            Assert.Equal([Roles.Planner], RolesOf(await MeAsync(monday)));

        using var tuesday = await SignedInAsync(person with { Groups = ["ops-centre"] });
        var me = await MeAsync(tuesday);
        // The same account (linked by the provider's subject), not a second one.
        Assert.Equal(person.UserName, me.GetProperty("userName").GetString());
        Assert.Equal([Roles.Operator], RolesOf(me));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tuesday, me, "/api/scenarios", Scenario)).StatusCode);

        // Keyed by the issuer the id_token names and the subject, which stay when a user name changes.
        await using var scope = host.App.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<CityTwinUser>>().FindByNameAsync(person.UserName);
        Assert.Equal($"{host.Provider.Authority.ToString().TrimEnd('/')}|{person.Subject}", account?.ExternalSubject);
    }

    [Fact]
    public async Task A_group_the_role_map_does_not_name_gives_no_role()
    {
        using var browser = await SignedInAsync(TestPerson.New("parks-department", "City-Planning-Archive"));
        var me = await MeAsync(browser);
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Empty(RolesOf(me));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(browser, me, "/api/scenarios", Scenario)).StatusCode);
    }

    [Fact]
    public async Task Groups_the_provider_gives_only_at_its_userinfo_endpoint_count_too()
    {
        using var browser = await SignedInAsync(TestPerson.New("city-planning", "ops-centre") with { GroupsOnlyInUserInfo = true });
        Assert.Equal([Roles.Operator, Roles.Planner], RolesOf(await MeAsync(browser)));
    }

    [Fact]
    public async Task An_account_an_admin_disabled_is_refused_and_both_sign_ins_are_audited()
    {
        var person = TestPerson.New("city-planning");
        using (await SignedInAsync(person))
        {
        }
        using var admin = await host.App.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{person.UserName}/disable", null)).StatusCode);

        using var browser = new Browser(host.App.Start());
        host.Provider.NextPerson = person;
        var hops = await browser.NavigateAsync(SignIn);
        Assert.Equal("/?signin-error=disabled", hops[^1].PathAndQuery);
        Assert.False((await MeAsync(browser)).GetProperty("signedIn").GetBoolean());

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=account.sign-in&target={person.UserName}");
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal("oidc", e.GetProperty("via").GetString()));
        Assert.Equal(["failed", "done"], entries.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Contains("disabled", entries[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Declining_at_the_provider_returns_to_the_map_with_a_reason_and_is_audited()
    {
        using var browser = new Browser(host.App.Start());
        host.Provider.NextPerson = null;
        var before = host.Provider.Authorizations;
        var hops = await browser.NavigateAsync(SignIn);

        Assert.Equal(before + 1, host.Provider.Authorizations);
        Assert.Equal("/?signin-error=sso", hops[^1].PathAndQuery);
        Assert.False((await MeAsync(browser)).GetProperty("signedIn").GetBoolean());
        using var admin = await host.App.CreateClientAsAsync(Roles.Admin);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=account.sign-in&outcome=failed&actor=anonymous");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("access_denied"));
    }

    [Theory]
    [InlineData("/api/account/me?from=sso", "/api/account/me?from=sso")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    public async Task The_return_address_is_only_ever_a_path_of_this_site(string returnUrl, string expected)
    {
        host.Provider.NextPerson = TestPerson.New("city-planning");
        using var browser = new Browser(host.App.Start());
        var hops = await browser.NavigateAsync($"{SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var complete = hops.Single(h => h.AbsolutePath == SignIn + "/complete");
        var next = hops[hops.ToList().IndexOf(complete) + 1];
        Assert.Equal(host.App.Start().Authority, next.Authority);
        Assert.Equal(expected, next.PathAndQuery);
        Assert.True((await MeAsync(browser)).GetProperty("signedIn").GetBoolean());
    }

    /// <summary>A new browser that went through the provider as <paramref name="person"/> and came back signed in.</summary>
    private async Task<Browser> SignedInAsync(TestPerson person)
    {
        var app = host.App.Start();
        host.Provider.NextPerson = person;
        var browser = new Browser(app);
        var hops = await browser.NavigateAsync(SignIn);
        // Really through the provider and back: authorize there, the callback and the completion here.
        Assert.Contains(hops, h => h.Authority == host.Provider.Authority.Authority && h.AbsolutePath == "/connect/authorize");
        Assert.Contains(hops, h => h.Authority == app.Authority && h.AbsolutePath == "/signin-oidc");
        Assert.Equal("/", hops[^1].PathAndQuery);
        return browser;
    }

    private static async Task<JsonElement> MeAsync(Browser browser) =>
        await browser.Http.GetFromJsonAsync<JsonElement>("/api/account/me");

    private static string[] RolesOf(JsonElement me) => [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private static Task<HttpResponseMessage> PostAsync(Browser browser, JsonElement me, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        return browser.Http.SendAsync(request);
    }
}
