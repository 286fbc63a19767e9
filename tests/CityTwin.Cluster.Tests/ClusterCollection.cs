namespace CityTwin.Cluster.Tests;

/// <summary>Tests sharing one <see cref="LocalCluster"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<LocalCluster>
{
    public const string Name = "Local cluster on PostgreSQL";
}
