namespace CityTwin.Benchmarks;

/// <summary>What a set of ingest rounds achieved.</summary>
public sealed record RoundsResult(long Accepted, long Rounds, long Batches, long Failed, IReadOnlyList<double> RoundMs);
