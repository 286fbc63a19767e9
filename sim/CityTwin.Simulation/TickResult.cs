namespace CityTwin.Simulation;

/// <summary>The outcome of one simulator tick.</summary>
public sealed record TickResult(DateTimeOffset SimTime, int Batches, int Readings, int Rejected, int FailedBatches, TimeSpan Duration);
