namespace CityTwin.Abstractions.Telemetry;

/// <summary>What a neighbourhood did with a batch. Rejected readings are named, never silently dropped.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] IReadOnlyList<string> Rejected);
