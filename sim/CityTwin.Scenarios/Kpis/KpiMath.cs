using CityTwin.Scenarios.Results;
using static CityTwin.Scenarios.Kpis.ScenarioKpiIds;

namespace CityTwin.Scenarios.Kpis;

/// <summary>
/// KPI values from the additive channels: one value per step, and the horizon total. Kept apart
/// from <see cref="ScenarioKpi"/> so the catalogue stays plain data the API can serve.
/// </summary>
public static class KpiMath
{
    /// <summary>Whether the KPI means anything for an area (a PM2.5 mean needs air stations).</summary>
    public static bool IsAvailable(string kpiId, AreaInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return kpiId switch
        {
            TravelTimeIndex or CongestionHours => inventory.RoadAssets > 0,
            Pm25Mean or Pm25HoursAbove35 or No2Mean => inventory.AirStations > 0,
            PeakLoadMw or GridEnergyMwh or SubstationOverloadHours or RenewableSharePercent or Co2ElectricityTonnes => inventory.Substations > 0,
            StreetlightEnergyMwh => inventory.StreetlightCircuits > 0,
            FloodAlarmHours or FloodedPopulation => inventory.FloodSensors > 0,
            _ => true,
        };
    }

    /// <summary>The KPI at one step, in the KPI's series unit. <paramref name="gridTonnesCo2PerMwh"/> is the city's grid emission factor.</summary>
    public static double At(string kpiId, ChannelSeries channels, AreaInventory inventory, int step, double gridTonnesCo2PerMwh)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(inventory);
        double C(ScenarioChannel ch) => channels[ch, step];
        return kpiId switch
        {
            TravelTimeIndex => C(ScenarioChannel.FreeFlowVehicleHours) > 0 ? C(ScenarioChannel.CongestedVehicleHours) / C(ScenarioChannel.FreeFlowVehicleHours) : 1,
            CongestionHours => C(ScenarioChannel.CongestedRoads),
            VehicleKm => C(ScenarioChannel.VehicleKm),
            Pm25Mean => inventory.AirStations > 0 ? C(ScenarioChannel.Pm25Sum) / inventory.AirStations : 0,
            Pm25HoursAbove35 => C(ScenarioChannel.Pm25Exceeding),
            No2Mean => inventory.AirStations > 0 ? C(ScenarioChannel.No2Sum) / inventory.AirStations : 0,
            Co2Tonnes => C(ScenarioChannel.GridLoadMw) * gridTonnesCo2PerMwh + C(ScenarioChannel.TrafficCo2),
            Co2ElectricityTonnes => C(ScenarioChannel.GridLoadMw) * gridTonnesCo2PerMwh,
            Co2TrafficTonnes => C(ScenarioChannel.TrafficCo2),
            PeakLoadMw or GridEnergyMwh => C(ScenarioChannel.GridLoadMw),
            SubstationOverloadHours => C(ScenarioChannel.OverloadedSubstations),
            RenewableSharePercent => Share(C(ScenarioChannel.PvMw), C(ScenarioChannel.GridLoadMw)),
            StreetlightEnergyMwh => C(ScenarioChannel.StreetlightKw),
            FloodAlarmHours => C(ScenarioChannel.FloodAlarmSensors),
            FloodedPopulation => C(ScenarioChannel.FloodedPopulation),
            HeatExposurePersonHours => C(ScenarioChannel.HeatExposedPopulation),
            _ => throw new ArgumentException($"unknown KPI '{kpiId}'", nameof(kpiId)),
        };
    }

    /// <summary>The KPI at every step.</summary>
    public static double[] Series(string kpiId, ChannelSeries channels, AreaInventory inventory, double gridTonnesCo2PerMwh)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var result = new double[channels.Steps];
        for (var k = 0; k < result.Length; k++) result[k] = At(kpiId, channels, inventory, k, gridTonnesCo2PerMwh);
        return result;
    }

    /// <summary>The horizon total, in the KPI's total unit (see <see cref="ScenarioKpi.TotalRule"/>).</summary>
    public static double Total(string kpiId, ChannelSeries channels, AreaInventory inventory, TimeSpan step, double gridTonnesCo2PerMwh)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(inventory);
        var hours = step.TotalHours;
        var n = channels.Steps;
        double Sum(ScenarioChannel ch)
        {
            var s = 0.0;
            foreach (var v in channels.Channel(ch)) s += v;
            return s;
        }
        double Max(ScenarioChannel ch)
        {
            var m = n > 0 ? double.NegativeInfinity : 0;
            foreach (var v in channels.Channel(ch)) m = Math.Max(m, v);
            return m;
        }
        return kpiId switch
        {
            TravelTimeIndex => Sum(ScenarioChannel.FreeFlowVehicleHours) > 0 ? Sum(ScenarioChannel.CongestedVehicleHours) / Sum(ScenarioChannel.FreeFlowVehicleHours) : 1,
            CongestionHours => Sum(ScenarioChannel.CongestedRoads) * hours,
            VehicleKm => Sum(ScenarioChannel.VehicleKm) * hours,
            Pm25Mean => inventory.AirStations > 0 && n > 0 ? Sum(ScenarioChannel.Pm25Sum) / ((double)inventory.AirStations * n) : 0,
            Pm25HoursAbove35 => Sum(ScenarioChannel.Pm25Exceeding) * hours,
            No2Mean => inventory.AirStations > 0 && n > 0 ? Sum(ScenarioChannel.No2Sum) / ((double)inventory.AirStations * n) : 0,
            Co2Tonnes => (Sum(ScenarioChannel.GridLoadMw) * gridTonnesCo2PerMwh + Sum(ScenarioChannel.TrafficCo2)) * hours,
            Co2ElectricityTonnes => Sum(ScenarioChannel.GridLoadMw) * gridTonnesCo2PerMwh * hours,
            Co2TrafficTonnes => Sum(ScenarioChannel.TrafficCo2) * hours,
            PeakLoadMw => Max(ScenarioChannel.GridLoadMw),
            GridEnergyMwh => Sum(ScenarioChannel.GridLoadMw) * hours,
            SubstationOverloadHours => Sum(ScenarioChannel.OverloadedSubstations) * hours,
            RenewableSharePercent => Share(Sum(ScenarioChannel.PvMw), Sum(ScenarioChannel.GridLoadMw)),
            StreetlightEnergyMwh => Sum(ScenarioChannel.StreetlightKw) * hours / 1000,
            FloodAlarmHours => Sum(ScenarioChannel.FloodAlarmSensors) * hours,
            FloodedPopulation => Max(ScenarioChannel.FloodedPopulation),
            HeatExposurePersonHours => Sum(ScenarioChannel.HeatExposedPopulation) * hours,
            _ => throw new ArgumentException($"unknown KPI '{kpiId}'", nameof(kpiId)),
        };
    }

    /// <summary>PV as a share of consumption (grid + PV), %.</summary>
    private static double Share(double pv, double grid) => pv + grid > 0 ? pv / (pv + grid) * 100 : 0;
}
