using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Accounts;

/// <summary>Where accounts live: the same durable store as the twin (SQLite embedded, PostgreSQL in a cluster).</summary>
public abstract record AccountStore
{
    /// <summary>A SQLite file beside the embedded silo's store.</summary>
    public sealed record Sqlite(string FilePath) : AccountStore;

    /// <summary>The cluster's PostgreSQL database (the one Orleans uses).</summary>
    public sealed record Postgres(string ConnectionString) : AccountStore;

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (this)
        {
            case Sqlite s:
                // Pooling off: a test or a second host may delete or reopen the file right after this host stops.
                options.UseSqlite($"Data Source={s.FilePath};Pooling=False");
                break;
            case Postgres p:
                options.UseNpgsql(p.ConnectionString);
                break;
        }
    }
}

public static class AccountStoreRegistration
{
    public static IServiceCollection AddAccountStore(this IServiceCollection services, AccountStore store)
    {
        services.AddSingleton(store);
        services.AddDbContext<AccountsDbContext>(store.Configure);
        return services;
    }
}
