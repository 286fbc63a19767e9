using System.Collections.Concurrent;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;

namespace CityTwin.Model.Tests;

public class PartitionedGenerationTests
{
    private static readonly DateTimeOffset Instant = TestCity.Local(2025, 7, 16, 8, 20);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(64)]
    public void Output_is_the_same_whatever_the_partitioning(int partitions)
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 23);
        var conditions = generator.ConditionsAt(Instant);
        var sequential = new Dictionary<string, TelemetryBatch>();
        generator.Generate(conditions, (dong, batch) => sequential.Add(dong, batch));

        // A fresh generator of the same seed, so nothing is shared but the inputs.
        var other = new TelemetryGenerator(TestCity.Build(), 23);
        var calls = new ConcurrentDictionary<string, int>();
        var parallel = new ConcurrentDictionary<string, TelemetryBatch>();
        other.GenerateInParallel(other.ConditionsAt(Instant), partitions, (dong, batch) =>
        {
            calls.AddOrUpdate(dong, 1, (_, n) => n + 1);
            parallel[dong] = batch;
        });

        Assert.Equal(sequential.Keys.Order(), parallel.Keys.Order());
        Assert.All(calls.Values, n => Assert.Equal(1, n));
        foreach (var (dong, batch) in sequential) BatchAssert.Same(batch, parallel[dong]);
    }

    [Fact]
    public void Partitions_hold_every_dong_once_and_balance_asset_counts()
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 23);
        var catalog = generator.Catalog;

        var two = PartitionedGeneration.Partition(generator, 2);
        Assert.Equal(2, two.Count);
        Assert.Equal(generator.DongCodes.Order(), two.SelectMany(p => p).Order());
        // Largest dong alone in one partition, the rest in the other: no better split exists.
        var largest = generator.DongCodes.MaxBy(d => catalog.AssetsInDong(d).Count)!;
        Assert.Contains(two, p => p.Count == 1 && p[0] == largest);

        // More partitions than dongs: one dong each, none empty.
        var many = PartitionedGeneration.Partition(generator, 50);
        Assert.Equal(generator.DongCodes.Count, many.Count);
        Assert.All(many, p => Assert.Single(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartitionedGeneration.Partition(generator, 0));
    }
}
