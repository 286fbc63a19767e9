using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Kpis;

/// <summary>
/// Folds asset values into the additive KPI aggregates. The live grains and the what-if engine
/// both use it, so a KPI means the same thing everywhere.
/// </summary>
public sealed class KpiCalculator
{
    private double _flowTimesVc, _flow, _pm25Sum, _loadMw, _streetlightKw, _floodMax;
    private int _airStations, _alarms, _warnings, _offline, _assets;

    public void Add(AssetDescriptor asset, AssetStatus status, ReadOnlySpan<double> values)
    {
        _assets++;
        switch (status)
        {
            case AssetStatus.Alarm: _alarms++; break;
            case AssetStatus.Warning: _warnings++; break;
            case AssetStatus.Offline: _offline++; return; // an offline asset contributes no values
        }
        if (values.Length == 0) return;
        switch (asset.Kind)
        {
            // Footways count people, not vehicles: they stay out of the congestion index.
            case AssetKind.RoadSegment or AssetKind.TrafficDetector when asset.Spec is not RoadSpec { Class: RoadClass.Footway }:
                _flow += values[0];
                _flowTimesVc += values[0] * values[2];
                break;
            case AssetKind.AirQualityStation:
                _pm25Sum += values[0];
                _airStations++;
                break;
            case AssetKind.Substation:
                _loadMw += values[0];
                break;
            case AssetKind.StreetlightCircuit:
                _streetlightKw += values[0];
                break;
            case AssetKind.FloodSensor:
                _floodMax = Math.Max(_floodMax, values[0]);
                break;
        }
    }

    public KpiSet Result() => new()
    {
        FlowTimesVc = _flowTimesVc,
        Flow = _flow,
        Pm25Sum = _pm25Sum,
        AirStations = _airStations,
        ElectricLoadMw = _loadMw,
        StreetlightKw = _streetlightKw,
        FloodMaxCm = _floodMax,
        Alarms = _alarms,
        Warnings = _warnings,
        Offline = _offline,
        Assets = _assets,
    };
}
