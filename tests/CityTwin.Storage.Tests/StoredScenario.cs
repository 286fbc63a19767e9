namespace CityTwin.Storage.Tests;

/// <summary>
/// A grain state shaped like a stored scenario: a record with constructor parameters, read-only list
/// and dictionary interfaces (filled by collection expressions), a nested record, an enum and a NaN.
/// </summary>
[GenerateSerializer]
public sealed record StoredScenario(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<DateTimeOffset> Times,
    [property: Id(2)] IReadOnlyDictionary<string, StoredSeries> Series,
    [property: Id(3)] DayOfWeek Day,
    [property: Id(4)] DateOnly Date,
    [property: Id(5)] TimeSpan Step);
