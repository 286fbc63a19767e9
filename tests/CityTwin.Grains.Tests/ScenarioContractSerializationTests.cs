using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CityTwin.Grains.Tests;

/// <summary>
/// Scenario definitions and results cross silos as grain messages: they must come out of Orleans'
/// serializer as they went in, lists built with collection expressions included.
/// </summary>
public sealed class ScenarioContractSerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_definition_round_trips_with_every_part()
    {
        var definition = new ScenarioDefinition(
            "Heat and LEDs",
            "a heatwave over a polygon",
            ScenarioStart.BaselineDay(new DateOnly(2026, 7, 15)),
            TimeSpan.FromHours(6),
            TimeSpan.FromMinutes(15),
            42,
            new ScenarioConditions([new(0, 1.5), new(3, 2.5)], new HeatwaveCondition(1, 4, 6), new HeavyRainCondition(2, 1, 50)),
            [
                new ScenarioIntervention("led-retrofit", new Dictionary<string, double> { ["sharePercent"] = 80 }, ScenarioTarget.Gu("28185")),
                new ScenarioIntervention("road-closure", null, ScenarioTarget.InPolygon([new(126.6, 37.4), new(126.7, 37.4), new(126.65, 37.45)])),
                new ScenarioIntervention("rooftop-solar", null, ScenarioTarget.Assets(["building-1", "building-2"])),
            ]);

        var copy = Serializer.Deserialize<ScenarioDefinition>(Serializer.SerializeToArray(definition));
        Assert.NotNull(copy);

        Assert.Equal(JsonSerializer.Serialize(definition), JsonSerializer.Serialize(copy));
        Assert.Equal(50, copy.Conditions!.HeavyRain!.RainMmH);
        Assert.Equal(24, copy.StepCount);
    }

    [Fact]
    public void A_results_document_round_trips_with_its_tables_and_series()
    {
        var start = new DateTimeOffset(2026, 7, 14, 15, 0, 0, TimeSpan.Zero);
        var document = new ScenarioResultsDocument(
            "abc123", "LED city-wide", start, 30, 7,
            [start, start.AddMinutes(30)],
            [new KpiRow("streetlightEnergy", "Streetlight energy", "MWh", "lower", "Energy of street lighting", "energy", 10, 6, -4, -40, "better")],
            [new AreaRow("28185", "Yeonsu-gu", "연수구", new Dictionary<string, Comparison> { ["streetlightEnergy"] = Comparison.Of(2, 1) })],
            [new AreaRow("28185510", "Songdo 1", "송도1동", new Dictionary<string, Comparison> { ["streetlightEnergy"] = Comparison.Of(0, 0) })],
            new Dictionary<string, SeriesPair> { ["streetlightEnergy"] = new("MWh", [1, 2], [0.5, double.NaN]) },
            [new ScopeTotals(0, "led-retrofit", 26000, 155, 26000, "lamps")],
            ["a note"]);

        var copy = Serializer.Deserialize<ScenarioResultsDocument>(Serializer.SerializeToArray(document));
        Assert.NotNull(copy);

        var options = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.Equal(JsonSerializer.Serialize(document, options), JsonSerializer.Serialize(copy, options));
        Assert.Null(copy.Dongs[0].Kpis["streetlightEnergy"].DeltaPercent);
    }
}
