namespace CityTwin.Abstractions.Tours;

/// <summary>
/// A guided tour: ordered stops a trainer presents to a delegation. Texts are per UI language
/// (language code → text); English is always there and stands in for a missing language.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Tour")]
public sealed record Tour
{
    /// <summary>Lower-case id (letters, digits, '-'), also the tour's address in the API.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required IReadOnlyDictionary<string, string> Title { get; init; }
    [Id(2)] public IReadOnlyDictionary<string, string>? Description { get; init; }
    [Id(3)] public required IReadOnlyList<TourStop> Stops { get; init; }
    [Id(4)] public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>User name of the last editor; null for a tour shipped in the city pack.</summary>
    [Id(5)] public string? UpdatedBy { get; init; }
}
