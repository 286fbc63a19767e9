using System.Net.WebSockets;

namespace CityTwin.Benchmarks;

/// <summary>
/// A lean SignalR client of <c>/hubs/twin</c>: one raw WebSocket (no negotiation, no
/// HubConnection), the handshake and a <c>Subscribe</c> written by hand, a 4 kB receive buffer,
/// and counters. Ten thousand of them fit in one process beside the server on 2 cores.
/// </summary>
public sealed class RawHubClient
{
    private const int ReceiveBufferBytes = 4096;
    private readonly ClientWebSocket _socket = new();
    private readonly HubMessageStream _stream;
    private readonly bool _messagePack;
    private readonly long[] _frames = new long[5];
    private long _bytes;
    private long _items;
    private long _lastFrameTicks;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public RawHubClient(bool messagePack, bool zoomedIn, Action<long, ReadOnlySpan<byte>>? onAssets)
    {
        _messagePack = messagePack;
        ZoomedIn = zoomedIn;
        _stream = new HubMessageStream(messagePack);
        _stream.OnMessage = (kind, size, bytes) =>
        {
            Interlocked.Increment(ref _frames[kind]);
            Interlocked.Add(ref _bytes, size);
            if (kind == HubMessageStream.Completion)
            {
                if (_stream.IsError(bytes)) SubscribeFailed = true;
                else Subscribed = true;
                return;
            }
            if (kind != HubMessageStream.Other) Volatile.Write(ref _lastFrameTicks, Environment.TickCount64);
            if (kind == HubMessageStream.Assets) onAssets?.Invoke(ReceiptMs(), bytes);
        };
    }

    public bool ZoomedIn { get; }
    public bool Subscribed { get; private set; }
    public bool SubscribeFailed { get; private set; }

    /// <summary>Set when the connection ended before the benchmark closed it, with why.</summary>
    public string? Dropped { get; private set; }

    public long Frames(int kind) => Interlocked.Read(ref _frames[kind]);
    public long Bytes => Interlocked.Read(ref _bytes);
    public long LastFrameTicks => Volatile.Read(ref _lastFrameTicks);

    public void AddItems(int count) => Interlocked.Add(ref _items, count);
    public long Items => Interlocked.Read(ref _items);

    public async Task ConnectAsync(Uri hub, HttpMessageInvoker invoker, Viewbox view, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings keep the connection alive
        _socket.Options.SetBuffer(ReceiveBufferBytes, 1024);
        await _socket.ConnectAsync(hub, invoker, cancellationToken);
        await SendAsync(HubWire.Handshake(_messagePack), cancellationToken);
        await SendAsync(HubWire.Subscribe(_messagePack, view), cancellationToken);
    }

    /// <summary>Receives until the socket closes or <paramref name="cancellationToken"/> fires; a close before that is a drop.</summary>
    public async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveBufferBytes];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Dropped = $"closed by the server ({_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    return;
                }
                _stream.Feed(buffer.AsSpan(0, result.Count));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            if (!cancellationToken.IsCancellationRequested) Dropped = $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => SendAsync(HubWire.Ping(_messagePack), cancellationToken);

    public void Abort() => _socket.Abort();

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, _messagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private static long ReceiptMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
