namespace CityTwin.Scenarios.Results;

/// <summary>A road that takes <see cref="Share"/> (0–1) of a closed road's traffic.</summary>
public sealed record DiversionShare(string AssetId, double Share, double DistanceM);
