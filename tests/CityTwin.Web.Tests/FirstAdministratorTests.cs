using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityTwin.Web.Tests;

/// <summary>The first start creates one administrator with a generated password, printed once, never a fixed one.</summary>
public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task The_first_start_prints_a_generated_password_once_and_it_signs_in()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(20, first.Length);
    }

    private static async Task<string> StartAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"), "accounts.db");
        try
        {
            var services = new ServiceCollection().AddLogging().AddAccountStore(new AccountStore.Sqlite(file));
            services.AddIdentityCore<CityTwinUser>(o => PasswordRules.Apply(o.Password, new AccountsOptions().MinimumPasswordLength)).AddRoles<IdentityRole>().AddEntityFrameworkStores<AccountsDbContext>();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            await AccountSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
            await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(Roles.Admin));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CityTwinUser>>();

            var console = new StringWriter();
            await FirstAdministrator.EnsureAsync(users, new AccountsOptions(), TimeProvider.System, console, NullLogger.Instance);
            var line = Assert.Single(console.ToString().Split('\n'), l => l.Contains("Password (shown this once):", StringComparison.Ordinal));
            var password = line.Split(':', 2)[1].Trim();
            var admin = await users.FindByNameAsync("admin");
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, password));
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));

            // A second start prints nothing and changes nothing.
            var again = new StringWriter();
            await FirstAdministrator.EnsureAsync(users, new AccountsOptions(), TimeProvider.System, again, NullLogger.Instance);
            Assert.Equal("", again.ToString());
            Assert.Equal(1, await users.Users.CountAsync());
            return password;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
