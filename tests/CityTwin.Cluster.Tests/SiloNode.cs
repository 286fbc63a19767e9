namespace CityTwin.Cluster.Tests;

/// <summary>A silo process of the cluster under test and where to reach it.</summary>
public sealed record SiloNode(NodeProcess Process, int SiloPort, Uri HealthUrl);
