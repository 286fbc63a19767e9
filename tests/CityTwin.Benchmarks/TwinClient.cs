using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// A SignalR client of <c>/hubs/twin</c> over a real loopback WebSocket (JSON or MessagePack),
/// counting frames per kind and the bytes it receives (MessagePack clients get compact asset frames).
/// <see cref="OnAssets"/> sees every asset frame with its wall-clock stamp and its receipt time, both in Unix ms.
/// </summary>
public sealed class TwinClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private CountingWebSocket? _socket;
    private long _assetFrames;
    private long _assetItems;
    private long _areaFrames;
    private long _clockFrames;

    private TwinClient(HubConnection connection) => _connection = connection;

    public string Name { get; private init; } = "";

    /// <summary>Called on the connection's handler thread (one frame at a time): items, the frame's wall-clock stamp, the receipt time (Unix ms).</summary>
    public Action<AssetStamp[], long, long>? OnAssets { get; set; }

    public long AssetFrames => Interlocked.Read(ref _assetFrames);
    public long AssetItems => Interlocked.Read(ref _assetItems);
    public long AreaFrames => Interlocked.Read(ref _areaFrames);
    public long ClockFrames => Interlocked.Read(ref _clockFrames);
    public long Frames => AssetFrames + AreaFrames + ClockFrames;
    public long BytesReceived => _socket?.BytesReceived ?? 0;

    /// <summary>Bytes received in messages of one kind (<c>assets</c>, <c>districts</c>, <c>clock</c>, <c>other</c>).</summary>
    public long BytesOf(string kind) => _socket?.Tally.Bytes(kind) ?? 0;

    public static async Task<TwinClient> ConnectAsync(Uri baseUri, bool messagePack, string name)
    {
        TwinClient? client = null;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "hubs/twin"), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, token) =>
            {
                var ws = new ClientWebSocket();
                await ws.ConnectAsync(context.Uri, token);
                var counting = new CountingWebSocket(ws);
                client!._socket = counting;
                return counting;
            };
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        client = new TwinClient(connection) { Name = name };
        connection.On<AssetStamp[], long>("assets", (items, wallTs) =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Interlocked.Increment(ref client._assetFrames);
            Interlocked.Add(ref client._assetItems, items.Length);
            client.OnAssets?.Invoke(items, wallTs, now);
        });
        if (messagePack)
        {
            // The web app sends MessagePack clients compact binary asset frames.
            var reader = await CompactFrameReader.ForAsync(baseUri);
            connection.On<byte[]>("assetsCompact", frame =>
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                Interlocked.Increment(ref client._assetFrames);
                if (client.OnAssets is { } onAssets)
                {
                    var stamps = reader.Stamps(frame);
                    Interlocked.Add(ref client._assetItems, stamps.Length);
                    onAssets(stamps, CompactFrameReader.WallTs(frame), now);
                }
                else Interlocked.Add(ref client._assetItems, reader.Count(frame));
            });
        }
        connection.On<AreaStamp[]>("districts", _ => Interlocked.Increment(ref client._areaFrames));
        connection.On<ClockStamp>("clock", _ => Interlocked.Increment(ref client._clockFrames));
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(Viewbox view) =>
        _connection.InvokeAsync("Subscribe", new { bbox = new[] { view.West, view.South, view.East, view.North }, zoom = view.Zoom });

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
