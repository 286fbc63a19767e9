namespace CityTwin.Testing;

/// <summary>
/// Bounded polling for state that converges on timers, ticks and flushes: tests wait for an
/// outcome, never for a fixed sleep, and fail with what they were waiting for.
/// </summary>
public static class Wait
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    /// <param name="detail">Appended to the timeout message, e.g. the logs of the processes under test.</param>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw Timeout($"{what} within {timeout.TotalSeconds:0.#} s", detail);
            await Task.Delay(DefaultInterval);
        }
    }

    /// <summary>
    /// Probes until <paramref name="accept"/> holds and returns that value; throws
    /// <see cref="TimeoutException"/> naming the last value seen after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (accept(last)) return last;
            await Task.Delay(interval ?? DefaultInterval);
        }
        while (DateTime.UtcNow < deadline);
        throw Timeout($"{what} within {timeout.TotalSeconds:0.#} s; last: {last}", detail: null);
    }

    private static TimeoutException Timeout(string what, Func<string>? detail) =>
        new(detail is null ? $"Timed out waiting for {what}" : $"Timed out waiting for {what}\n{detail()}");
}
