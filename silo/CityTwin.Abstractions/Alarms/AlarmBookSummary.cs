namespace CityTwin.Abstractions.Alarms;

/// <summary>One alarm book's counts: what is open, and how many alarms it raised in the last 10 minutes (wall clock).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmBookSummary")]
public sealed record AlarmBookSummary(
    [property: Id(0)] int Active,
    [property: Id(1)] int Unacknowledged,
    [property: Id(2)] int Critical,
    [property: Id(3)] int Shelved,
    [property: Id(4)] int RaisedLast10Minutes);
