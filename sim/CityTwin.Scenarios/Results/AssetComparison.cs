namespace CityTwin.Scenarios.Results;

/// <summary>
/// One asset at one instant in both runs, values in its kind's channel order (AssetKinds).
/// A closed road has no scenario values (<see cref="Closed"/>).
/// </summary>
public sealed record AssetComparison(string AssetId, string Kind, double[] Baseline, double[] Scenario, bool Closed);
