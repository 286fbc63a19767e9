using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Accounts;

/// <summary>
/// Accounts, roles, API tokens, the audit log and the data-protection keys (which sign cookies and
/// anti-forgery tokens: kept in the database so every web node of a cluster, and the next start,
/// accept what another issued).
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<CityTwinUser>(options), IDataProtectionKeyContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(t =>
        {
            t.ToTable("CityTwinApiTokens");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).HasMaxLength(32);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.Scopes).HasMaxLength(200);
            t.Property(x => x.SecretHash).HasMaxLength(64);
            t.Property(x => x.Prefix).HasMaxLength(16);
            t.HasIndex(x => x.SecretHash).IsUnique();
            t.HasIndex(x => x.UserId);
            t.Ignore(x => x.ScopeList);
            t.HasOne<CityTwinUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("CityTwinAudit");
            a.HasKey(x => x.Id);
            a.Property(x => x.Actor).HasMaxLength(256);
            a.Property(x => x.Action).HasMaxLength(64);
            a.Property(x => x.Target).HasMaxLength(256);
            a.Property(x => x.Detail).HasMaxLength(1000);
            a.Property(x => x.Outcome).HasMaxLength(16);
            a.Property(x => x.Address).HasMaxLength(64);
            a.Property(x => x.Via).HasMaxLength(16);
            a.HasIndex(x => x.AtUtc);
            a.HasIndex(x => new { x.Actor, x.AtUtc });
            a.HasIndex(x => new { x.Action, x.AtUtc });
        });
        builder.Entity<CityTwinUser>(u => u.Property(x => x.DisplayName).HasMaxLength(200));
        builder.Entity<DataProtectionKey>().ToTable("CityTwinDataProtectionKeys");
    }
}
