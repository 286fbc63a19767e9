using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Accounts;

/// <summary>Before the app answers anything: tables, roles and the first administrator exist.</summary>
public static class AccountsStartup
{
    public static async Task InitializeAccountsAsync(this IServiceProvider services, CancellationToken cancel = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountsStartup));
        // A cluster's database may still be starting (compose, Kubernetes): retry for a minute.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await AccountSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), cancel);
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                foreach (var role in Roles.All)
                    if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
                await FirstAdministrator.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<CityTwinUser>>(),
                    services.GetRequiredService<IOptions<AccountsOptions>>().Value, services.GetRequiredService<TimeProvider>(), Console.Out, logger);
                return;
            }
            catch (System.Data.Common.DbException e) when (attempt < 30)
            {
                logger.LogWarning("The account store is not reachable yet ({Error}); retrying in 2 s", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancel);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (attempt < 30)
            {
                // Another web node created the same role or administrator at the same moment: look again.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancel);
            }
        }
    }
}
