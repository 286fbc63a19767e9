namespace CityTwin.Storage.Tests;

/// <summary>One series of <see cref="StoredScenario"/>.</summary>
[GenerateSerializer]
public sealed record StoredSeries([property: Id(0)] string Unit, [property: Id(1)] IReadOnlyList<double> Values);
