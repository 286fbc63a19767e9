namespace CityTwin.Scenarios.Results;

/// <summary>Where the traffic of a closed road goes (shares add up to the rerouted fraction).</summary>
public sealed record RoadDiversion(string ClosedAssetId, IReadOnlyList<DiversionShare> Receivers);
