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
}
