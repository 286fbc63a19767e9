namespace CityTwin.Grains.Live;

/// <summary>
/// Tells the live feed's pump that something was published since it last looked. Raising it is a
/// flag check on the publisher's path (a release only when the flag was down), so a burst of
/// publications wakes the pump once; the pump lowers the flag before it takes the buffers, so a
/// publication that misses a flush always wakes it again.
/// </summary>
public sealed class ArrivalSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _raised;

    public void Raise()
    {
        if (Interlocked.Exchange(ref _raised, 1) == 0) _wake.Release();
    }

    /// <summary>Waits until something was published, then lowers the flag.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _wake.WaitAsync(cancellationToken);
        Volatile.Write(ref _raised, 0);
    }

    public void Dispose() => _wake.Dispose();
}
