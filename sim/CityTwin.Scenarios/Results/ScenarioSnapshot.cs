namespace CityTwin.Scenarios.Results;

/// <summary>The assets of one gu at one instant, baseline against scenario: what a scenario map shows.</summary>
public sealed record ScenarioSnapshot(DateTimeOffset Instant, string GuCode, IReadOnlyList<AssetComparison> Assets)
{
    public AssetComparison? Find(string assetId) => Assets.FirstOrDefault(a => a.AssetId == assetId);
}
