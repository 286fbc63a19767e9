using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Physics;
using CityTwin.Model.Telemetry;

namespace CityTwin.Model.Tests;

public class DeterminismTests
{
    private static readonly DateTimeOffset[] Instants =
    [
        TestCity.Local(2025, 1, 15, 7, 45),
        TestCity.Local(2025, 7, 16, 17, 30),
        TestCity.Local(2025, 8, 2, 3, 10),
        TestCity.Local(2026, 4, 10, 12, 0),
    ];

    [Fact]
    public void Same_seed_and_instant_give_identical_batches_from_independent_generators()
    {
        var catalog = TestCity.Build();
        var a = new TelemetryGenerator(catalog, 42);
        var b = new TelemetryGenerator(TestCity.Build(), 42);

        foreach (var t in Instants)
        {
            var ca = a.ConditionsAt(t);
            var cb = b.ConditionsAt(t);
            Assert.Equal(ca.Weather, cb.Weather);
            foreach (var dong in a.DongCodes)
                BatchAssert.Same(a.GenerateDong(dong, ca), b.GenerateDong(dong, cb));
        }
    }

    [Fact]
    public void Different_seeds_give_different_telemetry()
    {
        var catalog = TestCity.Build();
        var a = new TelemetryGenerator(catalog, 1);
        var b = new TelemetryGenerator(catalog, 2);
        var t = Instants[1];

        var ra = a.Readings(a.ConditionsAt(t));
        var rb = b.Readings(b.ConditionsAt(t));

        var differing = 0;
        foreach (var (id, values) in ra)
            if (!values.AsSpan().SequenceEqual(rb[id])) differing++;
        Assert.True(differing > ra.Count / 2, $"only {differing} of {ra.Count} assets differ");
    }

    [Fact]
    public void Output_does_not_depend_on_generation_order_or_history()
    {
        var catalog = TestCity.Build();
        var forward = new TelemetryGenerator(catalog, 7);
        var scrambled = new TelemetryGenerator(catalog, 7);
        var t = Instants[2];

        var expected = new Dictionary<string, TelemetryBatch>();
        forward.Generate(forward.ConditionsAt(t), (dong, batch) => expected[dong] = batch);

        // Warm the second generator up on other instants, then visit dongs backwards.
        foreach (var other in Instants) scrambled.Generate(scrambled.ConditionsAt(other), (_, _) => { });
        var c = scrambled.ConditionsAt(t);
        var codes = scrambled.DongCodes.Reverse().ToList();
        foreach (var dong in codes)
            BatchAssert.Same(expected[dong], scrambled.GenerateDong(dong, c));
    }

    [Fact]
    public void Concurrent_generation_matches_sequential_generation()
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 11);
        var c = generator.ConditionsAt(Instants[0]);
        var sequential = generator.DongCodes.ToDictionary(d => d, d => generator.GenerateDong(d, c));

        var parallel = new System.Collections.Concurrent.ConcurrentDictionary<string, TelemetryBatch>();
        Parallel.ForEach(generator.DongCodes, d => parallel[d] = generator.GenerateDong(d, c));

        foreach (var (dong, batch) in sequential) BatchAssert.Same(batch, parallel[dong]);
    }

    [Fact]
    public void Weather_is_a_pure_function_of_seed_and_instant()
    {
        var t = Instants[1];
        var first = new WeatherModel(TestCity.Pack, 5).At(t);
        var model = new WeatherModel(TestCity.Pack, 5);
        model.At(t.AddDays(-30));
        Assert.Equal(first, model.At(t));
        Assert.NotEqual(first, new WeatherModel(TestCity.Pack, 6).At(t));
    }
}
