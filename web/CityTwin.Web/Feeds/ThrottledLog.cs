namespace CityTwin.Web.Feeds;

/// <summary>
/// Logs a recurring problem at most once per <see cref="Interval"/>, with how many were left out:
/// a device sending garbage a thousand times a second must not flood the log.
/// </summary>
public sealed class ThrottledLog(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _nextAt;
    private int _suppressed;

    public void Warn(string what, string source, string reason)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (now < _nextAt)
            {
                _suppressed++;
                return;
            }
            _nextAt = now + (long)(Interval.TotalSeconds * time.TimestampFrequency);
            suppressed = _suppressed;
            _suppressed = 0;
        }
        logger.LogWarning("Refused {What} from {Source}: {Reason} ({Suppressed} more refused since the last such line)", what, source, reason, suppressed);
    }
}
