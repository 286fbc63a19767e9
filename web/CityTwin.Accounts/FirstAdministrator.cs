using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace CityTwin.Accounts;

/// <summary>
/// The first start of a CityTwin with no accounts creates one administrator. Never a fixed default
/// password: it is either given as a secret (<see cref="AccountsOptions.InitialAdminPassword"/>)
/// or generated and printed once to the console (not to the log, which may be shipped elsewhere).
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureAsync(UserManager<CityTwinUser> users, AccountsOptions options, TimeProvider time, TextWriter console, ILogger logger)
    {
        if (users.Users.Any()) return;
        var generated = string.IsNullOrEmpty(options.InitialAdminPassword);
        var password = generated ? Generate() : options.InitialAdminPassword;
        var admin = new CityTwinUser { UserName = options.InitialAdminName, DisplayName = "Administrator", CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not create the first administrator '{options.InitialAdminName}': {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(admin, Roles.Admin);
        if (generated)
        {
            console.WriteLine();
            console.WriteLine("  ┌──────────────────────────────────────────────────────────────");
            console.WriteLine($"  │ CityTwin created the administrator '{options.InitialAdminName}'.");
            console.WriteLine($"  │ Password (shown this once): {password}");
            console.WriteLine("  │ Sign in at the map (top right), then add people under Admin.");
            console.WriteLine("  └──────────────────────────────────────────────────────────────");
            console.WriteLine();
        }
        logger.LogWarning("Created the first administrator {User}; its password was {How}", options.InitialAdminName,
            generated ? "generated and printed once to the console" : "taken from Accounts:InitialAdminPassword");
    }

    /// <summary>20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 113 bits.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
