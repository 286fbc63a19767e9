using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Model.Specs;
using CityTwin.Model.Telemetry;

namespace CityTwin.Model.Tests;

/// <summary>Each test changes one driver and checks the direction in which the coupled model moves.</summary>
public class CouplingTests
{
    private readonly CityCatalog _catalog = TestCity.Build();
    private readonly TelemetryGenerator _generator;

    public CouplingTests() => _generator = new TelemetryGenerator(_catalog, 2024, outageShare: 0);

    [Fact]
    public void More_traffic_demand_raises_PM25_and_NO2_at_every_station()
    {
        var c = _generator.ConditionsAt(TestCity.Local(2025, 3, 12, 10), WeatherState.Mild);
        var quiet = _generator.Readings(c with { TrafficDemand = 0.3 });
        var busy = _generator.Readings(c with { TrafficDemand = 1.8 });

        foreach (var station in _catalog.OfKind(AssetKind.AirQualityStation))
        {
            Assert.True(busy[station.Id][0] > quiet[station.Id][0], $"PM2.5 at {station.Id}");
            Assert.True(busy[station.Id][2] > quiet[station.Id][2], $"NO2 at {station.Id}");
        }
    }

    [Fact]
    public void Roadside_stations_in_busy_dongs_see_more_traffic_pollution()
    {
        var c = _generator.ConditionsAt(TestCity.Local(2025, 3, 12, 18), WeatherState.Mild);
        var quiet = _generator.Readings(c with { TrafficDemand = 0 });
        var busy = _generator.Readings(c with { TrafficDemand = 1.7 });
        var stations = _catalog.OfKind(AssetKind.AirQualityStation).ToList();
        double Rise(AssetDescriptor a) => busy[a.Id][2] - quiet[a.Id][2];

        var denseRoadside = stations.Single(a => a.DongCode == TestCity.Dense && ((AirStationSpec)a.Spec).RoadsideFactor > 0.5);
        var denseBackground = stations.Single(a => a.DongCode == TestCity.Dense && ((AirStationSpec)a.Spec).RoadsideFactor < 0.5);
        var sparseRoadside = stations.Single(a => a.DongCode == TestCity.Sparse && ((AirStationSpec)a.Spec).RoadsideFactor > 0.5);
        Assert.True(Rise(denseRoadside) > Rise(denseBackground));
        Assert.True(Rise(denseRoadside) > Rise(sparseRoadside));
        Assert.True(_generator.TrafficIntensityOf(TestCity.Dense) > _generator.TrafficIntensityOf(TestCity.Sparse));
    }

    [Fact]
    public void Rain_washes_out_particles()
    {
        var c = _generator.ConditionsAt(TestCity.Local(2025, 3, 12, 10), WeatherState.Mild);
        var dry = _generator.Readings(c);
        var wet = _generator.Readings(c with { Weather = WeatherState.Mild with { RainMmH = 15 } });
        foreach (var station in _catalog.OfKind(AssetKind.AirQualityStation))
            Assert.True(wet[station.Id][0] < dry[station.Id][0]);
    }

    [Fact]
    public void A_hotter_summer_afternoon_raises_building_and_substation_load()
    {
        var t = TestCity.Local(2025, 8, 6, 15); // a Wednesday
        var mild = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(24, 0, 0.3, 3, 60)));
        var hot = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(34, 0, 0.3, 3, 60)));

        foreach (var b in _catalog.OfKind(AssetKind.Building))
        {
            Assert.True(hot[b.Id][0] > mild[b.Id][0], $"load of {b.Id}");
            Assert.True(hot[b.Id][2] > mild[b.Id][2], $"demand_pct of {b.Id}");
        }
        foreach (var s in _catalog.OfKind(AssetKind.Substation))
        {
            Assert.True(hot[s.Id][0] > mild[s.Id][0], $"load of {s.Id}");
            Assert.True(hot[s.Id][1] > mild[s.Id][1], $"loading of {s.Id}");
        }
    }

    [Fact]
    public void A_cold_winter_evening_raises_load_over_a_mild_one()
    {
        var t = TestCity.Local(2025, 1, 15, 19);
        var mild = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(16, 0, 0.3, 3, 60)));
        var cold = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(-10, 0, 0.3, 3, 60)));
        foreach (var b in _catalog.OfKind(AssetKind.Building)) Assert.True(cold[b.Id][0] > mild[b.Id][0]);
        foreach (var s in _catalog.OfKind(AssetKind.Substation)) Assert.True(cold[s.Id][0] > mild[s.Id][0]);
    }

    [Fact]
    public void Substation_evening_peak_exceeds_the_night_trough()
    {
        var weather = new WeatherState(20, 0, 0.3, 3, 60);
        var evening = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 5, 14, 18), weather));
        var night = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 5, 14, 4), weather));
        foreach (var s in _catalog.OfKind(AssetKind.Substation)) Assert.True(evening[s.Id][0] > 1.3 * night[s.Id][0]);
    }

    [Fact]
    public void Rooftop_PV_follows_the_sun_and_the_clouds()
    {
        var noon = TestCity.Local(2025, 5, 14, 12, 30);
        var clear = _generator.Readings(_generator.ConditionsAt(noon, new WeatherState(20, 0, 0, 3, 50)));
        var overcast = _generator.Readings(_generator.ConditionsAt(noon, new WeatherState(20, 0, 1, 3, 80)));
        var night = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 5, 14, 23), new WeatherState(20, 0, 0, 3, 50)));
        var pvBuildings = _catalog.OfKind(AssetKind.Building).Where(b => ((BuildingSpec)b.Spec).PvKwp > 0).ToList();
        Assert.NotEmpty(pvBuildings);
        foreach (var b in pvBuildings)
        {
            var kwp = ((BuildingSpec)b.Spec).PvKwp;
            Assert.InRange(clear[b.Id][1], 0.6 * kwp, 1.1 * kwp);
            Assert.True(overcast[b.Id][1] < 0.5 * clear[b.Id][1]);
            Assert.Equal(0, night[b.Id][1]);
        }
    }

    [Fact]
    public void Darkness_switches_streetlights_on_and_daylight_off()
    {
        var date = new DateOnly(2025, 10, 1);
        var sun = TestCity.SunTimes(date);
        var night = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 10, 1, 23)));
        var afterSunset = _generator.Readings(_generator.ConditionsAt(sun.Sunset.AddMinutes(5)));
        var beforeSunset = _generator.Readings(_generator.ConditionsAt(sun.Sunset.AddMinutes(-5)));
        var noon = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 10, 1, 12)));

        foreach (var light in _catalog.OfKind(AssetKind.StreetlightCircuit))
        {
            var installed = ((StreetlightSpec)light.Spec).InstalledKw;
            Assert.Equal(100, night[light.Id][1]);
            Assert.True(night[light.Id][0] > 0);
            Assert.Equal(Math.Round(installed, 2), night[light.Id][0]);
            Assert.Equal(100, afterSunset[light.Id][1]);
            Assert.Equal(0, beforeSunset[light.Id][1]);
            Assert.Equal(0, noon[light.Id][1]);
            Assert.Equal(0, noon[light.Id][0]);
        }
    }

    [Fact]
    public void IsDark_agrees_with_sunrise_and_sunset_all_year()
    {
        for (var day = 0; day < 365; day += 5)
        {
            var date = new DateOnly(2025, 1, 1).AddDays(day);
            var sun = TestCity.SunTimes(date);
            Assert.True(_generator.ConditionsAt(sun.Sunrise.AddMinutes(-3)).IsDark);
            Assert.False(_generator.ConditionsAt(sun.Sunrise.AddMinutes(3)).IsDark);
            Assert.False(_generator.ConditionsAt(sun.Sunset.AddMinutes(-3)).IsDark);
            Assert.True(_generator.ConditionsAt(sun.Sunset.AddMinutes(3)).IsDark);
        }
    }

    [Fact]
    public void Rain_above_drainage_floods_low_points_and_dry_weather_reads_zero()
    {
        var t = TestCity.Local(2025, 7, 20, 14);
        var storm = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(24, 80, 1, 6, 98)));
        var dry = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(28, 0, 0.2, 3, 60)));

        foreach (var sensor in _catalog.OfKind(AssetKind.FloodSensor))
        {
            var spec = (FloodSensorSpec)sensor.Spec;
            Assert.Equal(0, dry[sensor.Id][0]);
            Assert.Equal(0, dry[sensor.Id][1]);
            Assert.Equal(80, storm[sensor.Id][1]);
            if (80 * spec.ImperviousShare > spec.DrainageMmH)
                Assert.True(storm[sensor.Id][0] >= 30, $"{sensor.Id} reads {storm[sensor.Id][0]} cm");
        }
    }

    [Fact]
    public void A_storm_that_starts_now_fills_the_low_points_over_time_and_they_drain_after()
    {
        var start = TestCity.Local(2025, 7, 20, 14);
        WeatherState Storm(DateTimeOffset t) =>
            t >= start && t < start.AddMinutes(90) ? new WeatherState(24, 70, 1, 6, 98) : new WeatherState(25, 0, 0.8, 3, 85);
        var sensor = _catalog.OfKind(AssetKind.FloodSensor).First(a => ((FloodSensorSpec)a.Spec).DrainageMmH == 40);

        double Level(int minutes) => _generator.Readings(_generator.ConditionsAt(start.AddMinutes(minutes), Storm))[sensor.Id][0];

        Assert.Equal(0, Level(-10));
        var levels = new[] { 10, 30, 60, 90 }.Select(Level).ToArray();
        for (var i = 1; i < levels.Length; i++) Assert.True(levels[i] > levels[i - 1], string.Join(", ", levels));
        Assert.True(Level(150) < levels[^1]);
        Assert.Equal(0, Level(240));
    }

    [Fact]
    public void Drainage_pumps_run_with_rain_and_supply_pumps_keep_pressure()
    {
        var t = TestCity.Local(2025, 7, 20, 14);
        var rain = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(24, 40, 1, 6, 98)));
        var dry = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(28, 0, 0.2, 3, 60)));
        foreach (var pump in _catalog.OfKind(AssetKind.WaterPump))
        {
            var spec = (WaterPumpSpec)pump.Spec;
            if (spec.Drainage)
            {
                Assert.Equal(0, dry[pump.Id][0]);
                Assert.True(rain[pump.Id][0] > 0.5 * spec.CapacityM3h);
                Assert.True(dry[pump.Id][1] > 2.0, "an idle drainage pump must not read as low pressure");
            }
            else
            {
                Assert.InRange(dry[pump.Id][0], 0.1 * spec.CapacityM3h, spec.CapacityM3h);
            }
        }
    }

    [Fact]
    public void The_weekday_evening_peak_loads_roads_more_than_three_in_the_morning()
    {
        var weather = new WeatherState(20, 0, 0.4, 3, 60);
        var peak = _generator.ConditionsAt(TestCity.Local(2025, 5, 14, 17, 30), weather);
        var night = _generator.ConditionsAt(TestCity.Local(2025, 5, 14, 3, 0), weather);
        var peakReadings = _generator.Readings(peak);
        var nightReadings = _generator.Readings(night);
        var roads = _catalog.Assets.Where(a => a.Kind is AssetKind.RoadSegment or AssetKind.TrafficDetector).ToList();

        var peakVc = roads.Average(r => peakReadings[r.Id][2]);
        var nightVc = roads.Average(r => nightReadings[r.Id][2]);
        Assert.True(peakVc > 5 * nightVc, $"peak {peakVc:F3} vs night {nightVc:F3}");
        Assert.All(roads, r => Assert.True(nightReadings[r.Id][2] < 0.3));
        Assert.All(roads, r => Assert.True(nightReadings[r.Id][1] >= peakReadings[r.Id][1]));
        var arterials = roads.Where(r => ((RoadSpec)r.Spec).Class == RoadClass.Primary).ToList();
        Assert.InRange(arterials.Average(r => peakReadings[r.Id][2]), 0.5, 0.85);
    }

    [Fact]
    public void Rain_slows_traffic()
    {
        var t = TestCity.Local(2025, 5, 14, 11);
        var dry = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(20, 0, 0.4, 3, 60)));
        var wet = _generator.Readings(_generator.ConditionsAt(t, new WeatherState(20, 20, 1, 3, 95)));
        foreach (var road in _catalog.OfKind(AssetKind.RoadSegment))
            Assert.True(wet[road.Id][1] < dry[road.Id][1]);
    }

    [Fact]
    public void Free_flow_speeds_respect_Safe_Speed_5030()
    {
        var night = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 5, 14, 3), WeatherState.Mild));
        foreach (var road in _catalog.OfKind(AssetKind.RoadSegment))
        {
            var spec = (RoadSpec)road.Spec;
            var cap = spec.Class switch { RoadClass.Local => 30, RoadClass.Secondary => 50, RoadClass.Primary => 60, RoadClass.Footway => 5, _ => 100 };
            Assert.True(night[road.Id][1] <= cap, $"{spec.Class} at {night[road.Id][1]} km/h");
        }
    }

    [Fact]
    public void Home_chargers_are_busier_at_night_and_fast_chargers_by_day()
    {
        int slowNight = 0, slowDay = 0, fastNight = 0, fastDay = 0;
        for (var d = 0; d < 28; d++)
        {
            var night = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 4, 1, 2).AddDays(d), WeatherState.Mild));
            var day = _generator.Readings(_generator.ConditionsAt(TestCity.Local(2025, 4, 1, 14).AddDays(d), WeatherState.Mild));
            foreach (var ev in _catalog.OfKind(AssetKind.EvCharger))
            {
                var fast = ((EvChargerSpec)ev.Spec).Fast;
                if (fast) { fastNight += (int)night[ev.Id][1]; fastDay += (int)day[ev.Id][1]; }
                else { slowNight += (int)night[ev.Id][1]; slowDay += (int)day[ev.Id][1]; }
                Assert.True(night[ev.Id][1] <= ((EvChargerSpec)ev.Spec).Ports);
            }
        }
        Assert.True(slowNight > 2 * slowDay, $"slow {slowNight} night vs {slowDay} day");
        Assert.True(fastDay > 3 * fastNight, $"fast {fastDay} day vs {fastNight} night");
    }
}
