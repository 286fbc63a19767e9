using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// This silo's outgoing alarm transitions. Dongs and gus post what their batch changed and go on
/// at once; every <see cref="AlarmBookOptions.SendInterval"/> the outbox sends each gu's book
/// everything posted for it in one call. Under a storm that is ten calls per interval instead of a
/// call per dong per batch, and ingest never waits for a book. A send that fails tells the areas
/// concerned to restate their conditions with their next batch, so nothing lost stays lost.
/// </summary>
public sealed class AlarmOutbox(IGrainFactory grains, IOptions<AlarmBookOptions> options, ILogger<AlarmOutbox> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private Dictionary<string, List<Posted>> _pending = new(StringComparer.Ordinal);
    // One send round at a time, so a dong's batches reach its book in the order it posted them.
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Queues one area's transitions for its gu's book.</summary>
    public void Post(string guCode, AlarmTransitionBatch batch, AreaAlarms from)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(guCode, out var list)) _pending[guCode] = list = [];
            if (list.Count >= options.Value.MaxPendingBatches)
            {
                // The book is far behind (its silo is failing over): drop this change and let the
                // area restate everything once the book answers again.
                from.Undelivered();
                return;
            }
            list.Add(new Posted(batch, from));
        }
    }

    /// <summary>Sends everything posted so far (the timer does this; tests and shutdown call it).</summary>
    public async Task SendAsync()
    {
        await _sending.WaitAsync();
        try
        {
            Dictionary<string, List<Posted>> taken;
            lock (_gate)
            {
                if (_pending.Count == 0) return;
                taken = _pending;
                _pending = new(StringComparer.Ordinal);
            }
            await Task.WhenAll(taken.Select(p => SendAsync(p.Key, p.Value)));
        }
        finally
        {
            _sending.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SendInterval);
        while (await timer.TickOrStopAsync(stoppingToken)) await SendAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SendAsync();
    }

    private async Task SendAsync(string guCode, List<Posted> posted)
    {
        try
        {
            await grains.GetGrain<IAlarmBookGrain>(guCode).ApplyAsync([.. posted.Select(p => p.Batch)]);
        }
        catch (Exception ex)
        {
            // The telemetry was applied whatever happens here; each area restates every condition
            // with its next batch instead of the changes lost with this call.
            foreach (var p in posted) p.From.Undelivered();
            logger.LogDebug(ex, "Could not send {Count} alarm batches to book {Book}", posted.Count, guCode);
        }
    }

    private readonly record struct Posted(AlarmTransitionBatch Batch, AreaAlarms From);
}
