using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Validation;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>Every rule of the validator, each reported against the field at fault.</summary>
public class ValidationTests
{
    private static readonly ScenarioDefinition Valid =
        new("Songdo charge", "A test", ScenarioStart.BaselineDay(new DateOnly(2025, 7, 16)), TimeSpan.FromHours(24), TimeSpan.FromMinutes(5), Seed,
            null, [Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Gu(Yeonsu))]);

    private static ScenarioValidationResult Check(ScenarioDefinition? d) => ScenarioValidator.Validate(d, InterventionCatalog.Default, City);

    private static void AssertError(ScenarioDefinition d, string path, string fragment)
    {
        var result = Check(d);
        Assert.False(result.IsValid);
        var messages = result.ErrorsByPath();
        Assert.True(messages.ContainsKey(path), $"expected an error at '{path}', got: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
        Assert.Contains(messages[path], m => m.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }

    private static ScenarioDefinition With(ScenarioIntervention intervention) => Valid with { Interventions = [Valid.Interventions![0], intervention] };

    [Fact]
    public void A_valid_definition_passes() => Assert.True(Check(Valid).IsValid);

    [Fact]
    public void Missing_definition_name_and_start_are_reported()
    {
        Assert.False(Check(null).IsValid);
        AssertError(Valid with { Name = " " }, "name", "required");
        AssertError(Valid with { Name = new string('x', 500) }, "name", "at most");
        AssertError(Valid with { Start = null! }, "start", "required");
        AssertError(Valid with { Start = new ScenarioStart(ScenarioStartKind.BaselineDay) }, "start.date", "date");
        AssertError(Valid with { Start = new ScenarioStart(ScenarioStartKind.ForkLive) }, "start.instant", "instant");
        AssertError(Valid with { Start = ScenarioStart.BaselineDay(new DateOnly(1850, 1, 1)) }, "start.date", "2000");
    }

    [Theory]
    [InlineData(0.5, 5, "horizon", "between")]
    [InlineData(200, 60, "horizon", "between")]
    [InlineData(24, 0, "step", "between")]
    [InlineData(24, 90, "step", "between")]
    [InlineData(25, 7, "step", "whole number of 7-minute steps")]
    [InlineData(72, 1, "step", "too many")]
    public void Horizon_and_step_limits(double hours, double minutes, string path, string fragment) =>
        AssertError(Valid with { Horizon = TimeSpan.FromHours(hours), Step = TimeSpan.FromMinutes(minutes) }, path, fragment);

    [Fact]
    public void A_step_must_be_whole_minutes() =>
        AssertError(Valid with { Step = TimeSpan.FromSeconds(90) }, "step", "whole number of minutes");

    [Fact]
    public void Conditions_are_checked_field_by_field()
    {
        AssertError(Valid with { Conditions = new ScenarioConditions(Heatwave: new HeatwaveCondition(30, 6, 5)) }, "conditions.heatwave.startHours", "within the horizon");
        AssertError(Valid with { Conditions = new ScenarioConditions(Heatwave: new HeatwaveCondition(0, 6, 40)) }, "conditions.heatwave.peakC", "at most");
        AssertError(Valid with { Conditions = new ScenarioConditions(HeavyRain: new HeavyRainCondition(0, 0, 50)) }, "conditions.heavyRain.durationHours", "above 0");
        AssertError(Valid with { Conditions = new ScenarioConditions(HeavyRain: new HeavyRainCondition(0, 2, 500)) }, "conditions.heavyRain.rainMmH", "141.5");
        AssertError(Valid with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(5, 1), new TemperatureOffsetPoint(2, 1)]) },
            "conditions.temperatureOffsets[1].atHours", "time order");
        AssertError(Valid with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, double.NaN)]) },
            "conditions.temperatureOffsets[0].offsetC", "between");
    }

    [Fact]
    public void Unknown_type_and_parameters_out_of_range_are_reported_at_the_parameter()
    {
        AssertError(With(Intervention("teleport", ScenarioTarget.City())), "interventions[1].type", "unknown intervention type");
        AssertError(With(Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City(), ("sharePercent", 140))),
            "interventions[1].parameters.sharePercent", "between 0 and 100");
        AssertError(With(Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City(), ("wattage", 3))),
            "interventions[1].parameters.wattage", "no parameter");
        AssertError(With(Intervention(InterventionIds.StreetlightDimming, ScenarioTarget.City(), ("startHour", 22.5))),
            "interventions[1].parameters.startHour", "whole number");
        AssertError(With(Intervention(InterventionIds.EvAdoption, ScenarioTarget.City(), ("evSharePercent", double.PositiveInfinity))),
            "interventions[1].parameters.evSharePercent", "finite");
    }

    [Fact]
    public void Targets_must_be_allowed_and_exist()
    {
        AssertError(With(Intervention(InterventionIds.RoadClosure, ScenarioTarget.City())), "interventions[1].target.kind", "cannot target the city");
        AssertError(With(Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Gu("99999"))), "interventions[1].target.code", "unknown gu");
        AssertError(With(Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Dong("2800000000"))), "interventions[1].target.code", "unknown dong");
        AssertError(With(new ScenarioIntervention(InterventionIds.LedRetrofit, null, null!)), "interventions[1].target", "required");
    }

    [Fact]
    public void Asset_targets_name_known_assets_of_the_right_kind()
    {
        var light = AssetsOf(Yeonsu, AssetKind.StreetlightCircuit).First().Id;
        var road = AssetsOf(Yeonsu, AssetKind.RoadSegment).First(IsVehicleRoad).Id;
        var footway = AssetsOf(Yeonsu, AssetKind.RoadSegment).First(a => !IsVehicleRoad(a)).Id;
        var closure = (IReadOnlyList<string> ids) => With(Intervention(InterventionIds.RoadClosure, ScenarioTarget.Assets(ids)));

        Assert.True(Check(closure([road])).IsValid);
        AssertError(closure([road, "road-99999"]), "interventions[1].target.assetIds[1]", "unknown asset");
        AssertError(closure([road, light]), "interventions[1].target.assetIds[1]", "is a streetlight");
        AssertError(closure([road, road]), "interventions[1].target.assetIds[1]", "twice");
        AssertError(closure([footway]), "interventions[1].target.assetIds[0]", "footway");
        AssertError(closure([]), "interventions[1].target.assetIds", "at least one");
    }

    [Fact]
    public void Bad_polygons_are_reported()
    {
        GeoPoint P(double lon, double lat) => new(lon, lat);
        var charge = (IReadOnlyList<GeoPoint> ring) => With(Intervention(InterventionIds.CongestionCharge, ScenarioTarget.InPolygon(ring)));
        const string path = "interventions[1].target.polygon";

        // Songdo's international business district, as a planner would draw it (open ring).
        Assert.True(Check(charge([P(126.62, 37.38), P(126.66, 37.38), P(126.66, 37.40), P(126.62, 37.40)])).IsValid);
        AssertError(charge([P(126.62, 37.38), P(126.66, 37.38)]), path, "at least 3");
        AssertError(charge([P(126.62, 37.38), P(126.66, 37.40), P(126.66, 37.38), P(126.62, 37.40)]), path, "not valid");
        AssertError(charge([P(200, 37.38), P(126.66, 37.38), P(126.66, 37.40)]), path, "longitude/latitude");
        AssertError(charge([P(127.5, 36.0), P(127.6, 36.0), P(127.6, 36.1)]), path, "outside");
    }

    [Fact]
    public void An_intervention_that_touches_nothing_is_a_warning_not_an_error()
    {
        // Ongjin-gun's islands have no mapped buildings: rooftop solar there adds no panels.
        var result = Check(With(Intervention(InterventionIds.RooftopSolar, ScenarioTarget.Gu("28720"))));
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Path == "interventions[1].target" && w.Message.Contains("no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_refuses_an_invalid_definition_with_the_errors()
    {
        var error = Assert.Throws<ScenarioValidationException>(() => Runner.RunDistrict(Valid with { Step = TimeSpan.FromMinutes(7) }, Yeonsu));
        Assert.Contains(error.Result.Errors, e => e.Path == "step");
    }
}
