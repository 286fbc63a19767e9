using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityTwin.Testing.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on loopback Kestrel, for tests only: plain HTTP,
/// ephemeral keys, its one client kept in EF Core's in-memory store. The authorisation endpoint has
/// no login form: it signs in <see cref="NextPerson"/>, whom the test chooses.
/// </summary>
public sealed class TestOidcServer : IAsyncDisposable
{
    public const string ClientId = "citytwin";
    public const string ClientSecret = "citytwin-test-secret";

    /// <summary>The claim carrying the person's groups, as Entra ID and Keycloak's client-role mapper name it.</summary>
    public const string GroupsClaim = "roles";

    private readonly WebApplication _app;

    private TestOidcServer(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer, http://127.0.0.1:port/ (discovery at .well-known/openid-configuration).</summary>
    public Uri Authority { get; }

    /// <summary>Who signs in at the next authorisation request; null: the person declines (access_denied).</summary>
    public TestPerson? NextPerson { get; set; }

    /// <summary>How many authorisation requests reached the sign-in step (to show a flow really went through here).</summary>
    public int Authorizations { get; private set; }

    public static async Task<TestOidcServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var database = "oidc-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<ProviderDb>(o => o.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Plain HTTP on loopback: nothing leaves this machine.
                o.UseAspNetCore().DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough().EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
            });

        var app = builder.Build();
        TestOidcServer? server = null;
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) => server!.Authorize(http));
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], new Func<HttpContext, Task<IResult>>(UserInfoAsync));
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], () =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestOidcServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>
    /// Registers the confidential client of a CityTwin app at <paramref name="app"/>: its
    /// callback /signin-oidc and its sign-out return addresses.
    /// </summary>
    public async Task RegisterClientAsync(Uri app)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "CityTwin",
            RedirectUris = { new Uri(app, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(app, "signout-callback-oidc"), app },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (await manager.FindByClientIdAsync(ClientId) is { } existing) await manager.DeleteAsync(existing);
        await manager.CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>OpenIddict has checked the client, redirect URI and PKCE challenge; this signs in the chosen person.</summary>
    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        Authorizations++;
        if (NextPerson is not { } person)
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person declined.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var identity = new ClaimsIdentity("test-provider", Claims.PreferredUsername, GroupsClaim);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.PreferredUsername, person.UserName)
            .SetClaim(Claims.Name, person.Name)
            .SetClaims(GroupsClaim, [.. person.Groups]);
        identity.SetScopes(request.GetScopes());
        // Without a destination a claim goes into no token at all: the access token carries
        // everything (the userinfo endpoint answers from it), the id_token what the person allows.
        identity.SetDestinations(claim => claim.Type == GroupsClaim && person.GroupsOnlyInUserInfo
            ? [Destinations.AccessToken]
            : [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The person's claims from the access token (OpenIddict validated it before this runs).</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal is null) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        return Results.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.PreferredUsername] = principal.GetClaim(Claims.PreferredUsername),
            [Claims.Name] = principal.GetClaim(Claims.Name),
            [GroupsClaim] = principal.GetClaims(GroupsClaim).ToArray(),
        });
    }

    /// <summary>Only OpenIddict's own tables.</summary>
    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
