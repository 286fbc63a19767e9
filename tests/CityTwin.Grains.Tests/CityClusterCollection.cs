namespace CityTwin.Grains.Tests;

/// <summary>
/// Whole-city ticks write to every dong, so they get a cluster of their own: otherwise their
/// readings would race the per-dong tests' (late readings are ignored by design).
/// </summary>
[CollectionDefinition(Name)]
public sealed class CityClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "city cluster";
}
