using Microsoft.EntityFrameworkCore;

namespace CityTwin.Accounts;

/// <summary>Writes and reads the durable audit log.</summary>
public sealed class AuditLog(AccountsDbContext db, TimeProvider time)
{
    public async Task RecordAsync(string actor, string action, string outcome, string? target = null, string? detail = null,
        string? address = null, string? via = null, CancellationToken cancel = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 256)!,
            Action = action,
            Outcome = outcome,
            Target = Truncate(target, 256),
            Detail = Truncate(detail, 1000),
            Address = Truncate(address, 64),
            Via = via,
        });
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>Entries matching <paramref name="filter"/>, newest first, and how many match in all.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancel = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (filter.FromUtc is { } from) q = q.Where(e => e.AtUtc >= from);
        if (filter.ToUtc is { } to) q = q.Where(e => e.AtUtc < to);
        if (!string.IsNullOrEmpty(filter.Actor)) q = q.Where(e => e.Actor == filter.Actor);
        if (!string.IsNullOrEmpty(filter.Action)) q = q.Where(e => e.Action.StartsWith(filter.Action));
        if (!string.IsNullOrEmpty(filter.Outcome)) q = q.Where(e => e.Outcome == filter.Outcome);
        if (!string.IsNullOrEmpty(filter.Target)) q = q.Where(e => e.Target == filter.Target);
        var total = await q.CountAsync(cancel);
        var entries = await q.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancel);
        return (entries, total);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}

/// <summary>What an admin narrows the audit log by; every part optional.</summary>
public sealed record AuditFilter(DateTime? FromUtc = null, DateTime? ToUtc = null, string? Actor = null, string? Action = null, string? Outcome = null, string? Target = null);
