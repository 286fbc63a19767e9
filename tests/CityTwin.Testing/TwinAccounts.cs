using System.Net.Http.Headers;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Testing;

/// <summary>
/// Accounts on a test host, made through the app's own Identity and token services (no shortcut
/// around them): a person with roles and a password, or an HTTP client carrying an API token.
/// </summary>
public static class TwinAccounts
{
    /// <summary>Long enough for the app's password rule.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Creates an account with <paramref name="roles"/> and <see cref="Password"/>; returns its user name.</summary>
    public static async Task<string> CreateUserAsync(this TwinAppFactory app, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityTwinUser>>();
        var name = $"{(roles.Length == 0 ? "nobody" : string.Join('-', roles))}-{Guid.NewGuid().ToString("N")[..6]}";
        var created = await users.CreateAsync(new CityTwinUser { UserName = name, CreatedAtUtc = DateTime.UtcNow }, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException("the account just made is missing");
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        return name;
    }

    /// <summary>An API token of a new account holding <paramref name="roles"/> (scoped to all of them).</summary>
    public static async Task<string> CreateTokenAsync(this TwinAppFactory app, params string[] roles) =>
        await app.CreateTokenForAsync(await app.CreateUserAsync(roles), roles);

    /// <summary>An API token of the account <paramref name="userName"/> with <paramref name="scopes"/>.</summary>
    public static async Task<string> CreateTokenForAsync(this TwinAppFactory app, string userName, params string[] scopes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CityTwinUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"no account {userName}");
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "test", scopes, null);
        return secret;
    }

    /// <summary>An HTTP client on the app acting as a new account with <paramref name="roles"/> (through an API token).</summary>
    public static async Task<HttpClient> CreateClientAsAsync(this TwinAppFactory app, params string[] roles)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(roles));
        return client;
    }

    /// <summary>
    /// <see cref="CreateClientAsAsync"/> for test-class constructors, which cannot await (run on
    /// the thread pool, so no synchronisation context can deadlock it).
    /// </summary>
    public static HttpClient CreateClientAs(this TwinAppFactory app, params string[] roles) =>
        Task.Run(() => app.CreateClientAsAsync(roles)).GetAwaiter().GetResult();
}
