namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Turns one district's cumulative step count into increments of a shared total. Reports may
/// arrive out of order from parallel chunks; only a larger count moves the total.
/// </summary>
internal sealed class IncrementProgress(Action<int> add) : IProgress<int>
{
    private int _last;

    public void Report(int value)
    {
        int previous;
        do
        {
            previous = Volatile.Read(ref _last);
            if (value <= previous) return;
        }
        while (Interlocked.CompareExchange(ref _last, value, previous) != previous);
        add(value - previous);
    }
}
