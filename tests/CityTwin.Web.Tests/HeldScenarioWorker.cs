using CityTwin.Grains.Scenarios.Isolation;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// Keeps the silo's scenario worker threads busy until disposed, so that runs posted meanwhile are
/// admitted or queued but compute nothing: the tests then see the queue as it is, on any machine,
/// however fast the runs would otherwise finish.
/// </summary>
public sealed class HeldScenarioWorker : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly Task[] _held;

    public HeldScenarioWorker(TwinAppFactory app)
    {
        var scheduler = app.Services.GetRequiredService<ScenarioWorkScheduler>();
        _held = new Task[scheduler.Workers];
        using var started = new CountdownEvent(scheduler.Workers);
        for (var i = 0; i < _held.Length; i++)
        {
            _held[i] = scheduler.Run(() =>
            {
                started.Signal();
                _release.Wait();
                return 0;
            });
        }
        if (!started.Wait(TimeSpan.FromMinutes(1))) throw new TimeoutException("the scenario workers did not pick up the holding tasks");
    }

    public void Dispose()
    {
        _release.Set();
        Task.WaitAll(_held, TimeSpan.FromMinutes(1));
        _release.Dispose();
    }
}
