using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Model.City;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains;

/// <summary>The city: owns the simulated clock and combines its districts' aggregates.</summary>
public sealed class CityGrain(CityCatalog catalog, ILiveFeed feed, TimeProvider time, IOptions<ClockOptions> options)
    : Grain, ICityGrain
{
    private readonly Dictionary<string, KpiSet> _districts = new(StringComparer.Ordinal);
    private ClockState _clock = new(DateTimeOffset.UnixEpoch, 1, false);
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _clock = new ClockState(o.Start ?? time.GetUtcNow(), Math.Clamp(o.Speed, ClockLimits.MinSpeed, ClockLimits.MaxSpeed), o.Paused);
        this.RegisterGrainTimer(FlushAsync, DistrictGrain.ReportInterval, DistrictGrain.ReportInterval);
        return Task.CompletedTask;
    }

    public Task<ClockState> GetClockAsync() => Task.FromResult(_clock);

    public Task<ClockState> SetClockAsync(double? speed, bool? paused)
    {
        if (speed is { } s && (double.IsNaN(s) || s < ClockLimits.MinSpeed || s > ClockLimits.MaxSpeed))
            throw new ArgumentOutOfRangeException(nameof(speed), s, $"Speed must be between {ClockLimits.MinSpeed} and {ClockLimits.MaxSpeed}");
        _clock = _clock with { Speed = speed ?? _clock.Speed, Paused = paused ?? _clock.Paused };
        feed.PublishClock(_clock);
        return Task.FromResult(_clock);
    }

    public Task<ClockState> SetTimeAsync(DateTimeOffset simTime)
    {
        _clock = _clock with { SimTime = simTime };
        feed.PublishClock(_clock);
        return Task.FromResult(_clock);
    }

    public Task<ClockState> AdvanceAsync(TimeSpan wallElapsed)
    {
        if (!_clock.Paused && wallElapsed > TimeSpan.Zero)
            _clock = _clock with { SimTime = _clock.SimTime + wallElapsed * _clock.Speed };
        feed.PublishClock(_clock);
        return Task.FromResult(_clock);
    }

    public Task ReportDistrictAsync(string districtCode, KpiSet kpis)
    {
        if (catalog.FindDistrict(districtCode) is null)
            throw new ArgumentException($"Unknown district {districtCode}", nameof(districtCode));
        _districts[districtCode] = kpis;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<KpiSet> GetKpisAsync() => Task.FromResult(KpiSet.Sum(_districts.Values));

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            feed.PublishKpis(AreaLevel.City, catalog.Id, KpiSet.Sum(_districts.Values));
        }
        return Task.CompletedTask;
    }
}
