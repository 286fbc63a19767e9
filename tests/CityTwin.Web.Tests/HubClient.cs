using System.Collections.Concurrent;
using System.Runtime.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>A real SignalR client on the test server that records every frame it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    // The wire uses lower-camel keys; DataMember names make MessagePack map them like JSON does.
    [DataContract]
    public record AssetItem(
        [property: DataMember(Name = "id")] string Id,
        [property: DataMember(Name = "status")] string Status,
        [property: DataMember(Name = "values")] Dictionary<string, double> Values,
        [property: DataMember(Name = "ts")] long Ts);

    [DataContract]
    public record AreaItem(
        [property: DataMember(Name = "code")] string Code,
        [property: DataMember(Name = "level")] string Level,
        [property: DataMember(Name = "kpis")] Dictionary<string, double> Kpis);

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }
    public ConcurrentQueue<AssetItem[]> AssetFrames { get; } = new();

    /// <summary>Each <c>assets</c> frame's wall-clock stamp (Unix ms) with the wall-clock instant it was received.</summary>
    public ConcurrentQueue<(long WallTs, long ReceivedMs, AssetItem[] Items)> AssetStamps { get; } = new();
    public ConcurrentQueue<AreaItem[]> AreaFrames { get; } = new();

    /// <summary>Compact asset frames as they came (MessagePack only); <see cref="AssetFrames"/> holds them decoded.</summary>
    public ConcurrentQueue<byte[]> CompactFrames { get; } = new();
    public ConcurrentQueue<JsonElement> ClockFrames { get; } = new();

    public static async Task<HubClient> ConnectAsync(TwinAppFactory app, bool messagePack)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/twin"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler());
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        var client = new HubClient(connection);
        connection.On<AssetItem[], long>("assets", (f, wallTs) =>
        {
            client.AssetStamps.Enqueue((wallTs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), f));
            client.AssetFrames.Enqueue(f);
        });
        if (messagePack)
        {
            // MessagePack clients get compact binary frames: decoded here into the JSON items' shape.
            var reader = await Tests.CompactFrames.ReaderAsync(app);
            connection.On<byte[]>("assetsCompact", bytes =>
            {
                AssetItem[] items = [.. reader.Read(bytes).Select(i => new AssetItem(i.Id, i.Status, i.Values, i.Ts))];
                client.CompactFrames.Enqueue(bytes);
                client.AssetStamps.Enqueue((Tests.CompactFrames.WallTs(bytes), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), items));
                client.AssetFrames.Enqueue(items);
            });
        }
        connection.On<AreaItem[]>("districts", f => client.AreaFrames.Enqueue(f));
        if (!messagePack) connection.On<JsonElement>("clock", f => client.ClockFrames.Enqueue(f));
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(double w, double s, double e, double n, double zoom) =>
        Connection.InvokeAsync("Subscribe", new { bbox = new[] { w, s, e, n }, zoom });

    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) => Wait.UntilAsync(condition, timeout, what);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
