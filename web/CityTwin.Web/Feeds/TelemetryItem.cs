namespace CityTwin.Web.Feeds;

/// <summary>
/// One item of a telemetry batch, as documented for clients (the body is parsed by
/// <see cref="TelemetryParser"/>, which reports each bad item instead of failing the batch).
/// </summary>
/// <param name="AssetId">An asset of the city, e.g. <c>flood-2818563000-001</c>.</param>
/// <param name="Ts">When the values were measured (ISO 8601, or Unix milliseconds); absent: on arrival.</param>
/// <param name="Values">Every channel of the asset's kind by name (see <c>/api/kinds</c>); <c>{}</c> reports the device offline.</param>
public sealed record TelemetryItem(string AssetId, DateTimeOffset? Ts, IReadOnlyDictionary<string, double> Values);
