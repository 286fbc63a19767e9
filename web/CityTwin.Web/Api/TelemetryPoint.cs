namespace CityTwin.Web.Api;

public sealed record TelemetryPoint(DateTimeOffset At, IReadOnlyDictionary<string, double> Values);
