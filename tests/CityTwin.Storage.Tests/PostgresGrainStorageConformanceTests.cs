namespace CityTwin.Storage.Tests;

/// <summary>
/// The conformance suite against Orleans' ADO.NET grain storage on PostgreSQL, the store of cluster
/// mode. It fails, never skips, when PostgreSQL cannot be reached.
/// </summary>
public sealed class PostgresGrainStorageConformanceTests(PostgresStorageFixture fixture)
    : GrainStorageConformance<PostgresStorageFixture>(fixture);
