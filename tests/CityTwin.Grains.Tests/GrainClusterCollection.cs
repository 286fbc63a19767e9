namespace CityTwin.Grains.Tests;

/// <summary>Tests that each own a few dongs of one shared cluster (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
