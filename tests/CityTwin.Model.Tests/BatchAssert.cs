using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Model.Tests;

/// <summary>Two telemetry batches the same bit for bit: instant, assets in order, every value's bits.</summary>
public static class BatchAssert
{
    public static void Same(TelemetryBatch expected, TelemetryBatch actual)
    {
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Readings.Count, actual.Readings.Count);
        for (var i = 0; i < expected.Readings.Count; i++)
        {
            Assert.Equal(expected.Readings[i].AssetId, actual.Readings[i].AssetId);
            var e = expected.Readings[i].Values;
            var a = actual.Readings[i].Values;
            Assert.Equal(e.Length, a.Length);
            for (var k = 0; k < e.Length; k++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(e[k]), BitConverter.DoubleToInt64Bits(a[k]));
        }
    }
}
