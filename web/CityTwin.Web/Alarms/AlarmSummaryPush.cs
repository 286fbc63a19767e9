using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Alarms;

/// <summary>
/// Sends every client of this web node the <c>alarmSummary</c> frame after alarms changed: the
/// counts come from the books (one call per gu), at most once per <see cref="Interval"/> however
/// many changes arrive, and carry how many critical alarms were raised since the last frame.
/// </summary>
public sealed class AlarmSummaryPush(IHubContext<TwinHub, ITwinClient> hub, AlarmDirectory directory, IOptions<AlarmOptions> options,
    ILogger<AlarmSummaryPush> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private int _newCritical;
    private int _scheduled;

    /// <summary>Alarms changed (<paramref name="newCritical"/> of them critical and new): a summary follows within <see cref="Interval"/>.</summary>
    public void Changed(int newCritical)
    {
        Interlocked.Add(ref _newCritical, newCritical);
        if (Interlocked.Exchange(ref _scheduled, 1) == 0) _ = SendAfterAsync();
    }

    private async Task SendAfterAsync()
    {
        await Task.Delay(Interval);
        // Changes from here on schedule the next frame; their criticals are counted there.
        Volatile.Write(ref _scheduled, 0);
        var newCritical = Interlocked.Exchange(ref _newCritical, 0);
        try
        {
            var counts = AlarmSummaryResponse.From(await directory.SummaryAsync(), options.Value);
            await hub.Clients.All.alarmSummary(AlarmSummaryFrame.Of(counts, newCritical));
        }
        catch (Exception ex)
        {
            // The books are moving (a silo failing over): the next change sends fresh counts.
            Interlocked.Add(ref _newCritical, newCritical);
            logger.LogDebug(ex, "Could not push the alarm summary");
        }
    }
}
