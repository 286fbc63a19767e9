using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityTwin.Accounts;

/// <summary>
/// Creates the account tables when they are missing. In a cluster the database already holds the
/// Orleans tables (so EF's EnsureCreated, which only creates into an empty database, would do
/// nothing), and several web nodes may start at once: a PostgreSQL advisory lock lets one create.
/// </summary>
public static class AccountSchema
{
    // Any fixed number: the lock only has to be the same on every node.
    private const long AdvisoryLockKey = 0x43_54_41_43_43_54; // "CTACCT"

    public static async Task EnsureAsync(AccountsDbContext db, CancellationToken cancel = default)
    {
        if (db.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.EnsureCreatedAsync(cancel);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancel);
        var exists = await db.Database.SqlQueryRaw<bool>("SELECT to_regclass('\"AspNetUsers\"') IS NOT NULL AS \"Value\"").SingleAsync(cancel);
        if (!exists) await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancel);
        await transaction.CommitAsync(cancel);
    }
}
