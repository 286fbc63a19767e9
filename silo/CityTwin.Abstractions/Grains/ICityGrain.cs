using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Grains;

/// <summary>The city (key: city id, e.g. <c>incheon</c>): owns the clock and the city-wide KPIs.</summary>
[Alias("CityTwin.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    [Alias("GetClock")] Task<ClockState> GetClockAsync();

    /// <summary>Changes speed and/or pause; null leaves a setting as it is.</summary>
    [Alias("SetClock")] Task<ClockState> SetClockAsync(double? speed, bool? paused);

    /// <summary>Moves the clock to an explicit instant (used by tests and by trainers setting a scene).</summary>
    [Alias("SetTime")] Task<ClockState> SetTimeAsync(DateTimeOffset simTime);

    /// <summary>Advances the clock by <paramref name="wallElapsed"/> × speed, unless paused (explicit steps: tests, tools).</summary>
    [Alias("Advance")] Task<ClockState> AdvanceAsync(TimeSpan wallElapsed);

    /// <summary>
    /// Brings the clock to the wall-clock instant now, as read by the city itself: the wall time
    /// since its previous advance (or its activation) × speed, unless paused. The live simulator's
    /// tick; at speed 1 the simulated clock never runs ahead of the wall clock.
    /// </summary>
    [Alias("AdvanceToNow")] Task<ClockState> AdvanceToNowAsync();

    /// <summary>
    /// The clock as it stands at this wall-clock instant, between ticks too, changing nothing.
    /// <see cref="GetClockAsync"/> answers the last tick's time, which moves in steps of a tick;
    /// placing a device's readings by it would put one taken later before one taken earlier.
    /// </summary>
    [Alias("Now")] Task<ClockState> NowAsync();

    /// <summary>A district reports its latest aggregate (on its timer, not per update).</summary>
    [Alias("ReportDistrict")] Task ReportDistrictAsync(string guCode, KpiSet kpis);

    [Alias("GetKpis")] Task<KpiSet> GetKpisAsync();

    /// <summary>The city's KPI history, columns in <see cref="KpiNames.All"/> order.</summary>
    [Alias("GetKpiSeries")] Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query);

    /// <summary>The city's KPIs at a past minute (<see cref="KpiNames.All"/> order), null when its history holds none.</summary>
    [Alias("GetKpisAt")] Task<float[]?> GetKpisAtAsync(DateTimeOffset at);
}
