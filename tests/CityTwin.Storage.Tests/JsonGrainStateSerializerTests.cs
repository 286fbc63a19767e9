using System.Text;
using CityTwin.Hosting;

namespace CityTwin.Storage.Tests;

/// <summary>The durable stores' state serializer: what it writes reads back, and so does what the previous one wrote.</summary>
public sealed class JsonGrainStateSerializerTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void A_record_with_collection_expression_lists_reads_back_whole()
    {
        var start = new DateTimeOffset(2026, 7, 14, 15, 0, 0, TimeSpan.Zero);
        var stored = new StoredScenario(
            "Heat 서구",
            [start, start.AddMinutes(30)],
            new Dictionary<string, StoredSeries> { ["pm25"] = new("µg/m³", [12.5, double.NaN]) },
            DayOfWeek.Tuesday,
            new DateOnly(2026, 7, 15),
            TimeSpan.FromMinutes(30));

        var bytes = _serializer.Serialize(stored);
        var json = Encoding.UTF8.GetString(bytes.ToArray());
        // No CLR type names: stored data survives renamed namespaces and compiler-generated lists.
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.Contains("\"Tuesday\"", json, StringComparison.Ordinal);

        var read = _serializer.Deserialize<StoredScenario>(bytes);
        Assert.Equal(stored.Name, read.Name);
        Assert.Equal(stored.Times, read.Times);
        Assert.Equal(stored.Day, read.Day);
        Assert.Equal(stored.Date, read.Date);
        Assert.Equal(stored.Step, read.Step);
        var series = read.Series["pm25"];
        Assert.Equal("µg/m³", series.Unit);
        Assert.Equal(12.5, series.Values[0]);
        Assert.True(double.IsNaN(series.Values[1]));
    }

    [Fact]
    public void State_written_by_the_previous_serializer_still_reads()
    {
        // What Orleans' default (Newtonsoft.Json with type names) stored for the city clock.
        const string previous =
            "{\"$id\":\"1\",\"$type\":\"CityTwin.Grains.ClockRecord, CityTwin.Grains\",\"SimTime\":\"2026-12-07T01:24:06.5958904+00:00\"," +
            "\"Speed\":60.0,\"Paused\":true,\"SavedAt\":\"2026-12-07T01:04:03.8175287+00:00\",\"Day\":2}";
        var read = _serializer.Deserialize<PreviousClock>(new BinaryData(Encoding.UTF8.GetBytes(previous)));
        Assert.Equal(DateTimeOffset.Parse("2026-12-07T01:24:06.5958904+00:00"), read.SimTime);
        Assert.Equal(60, read.Speed);
        Assert.True(read.Paused);
        Assert.Equal(DayOfWeek.Tuesday, read.Day);
    }

    [Fact]
    public void Dictionaries_and_lists_written_by_the_previous_serializer_still_read()
    {
        // Its dictionaries carried "$id"/"$type" among their entries and its lists were objects
        // wrapping "$values": read as they are, the dictionary fails on "$id" and the list on "{".
        const string previous =
            "{\"$id\":\"1\",\"$type\":\"CityTwin.Grains.Scenarios.ScenarioRegistryState, CityTwin.Grains\"," +
            "\"Clocks\":{\"$id\":\"2\",\"$type\":\"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[CityTwin.Grains.ClockRecord, CityTwin.Grains]], System.Private.CoreLib\"," +
            "\"c6a28b8706d9\":{\"$id\":\"3\",\"$type\":\"CityTwin.Grains.ClockRecord, CityTwin.Grains\",\"SimTime\":\"2026-12-07T01:50:13.9351252+00:00\",\"Speed\":2.0,\"Day\":1}}," +
            "\"Values\":{\"$type\":\"System.Collections.Generic.List`1[[System.Double, System.Private.CoreLib]], System.Private.CoreLib\",\"$values\":[1.5,2.5]}}";
        var read = _serializer.Deserialize<PreviousRegistry>(new BinaryData(Encoding.UTF8.GetBytes(previous)));
        var clock = Assert.Single(read.Clocks);
        Assert.Equal("c6a28b8706d9", clock.Key);
        Assert.Equal(2, clock.Value.Speed);
        Assert.Equal(DayOfWeek.Monday, clock.Value.Day);
        Assert.Equal([1.5, 2.5], read.Values);
    }
}
