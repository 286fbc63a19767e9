namespace CityTwin.Web.Api;

/// <summary>Answer of <c>GET /api/status</c>: operational counters of this web node and its simulator.</summary>
public sealed record StatusResponse(
    long SimulatorTicks,
    long ReadingsIngested,
    long ReadingsRejected,
    long FailedBatches,
    double LastTickMs,
    DateTimeOffset? LastTickSimTime,
    long FramesFromSilo,
    int ConnectedClients,
    long WorkingSetMb);
