using System.Net.WebSockets;

namespace CityTwin.Benchmarks;

/// <summary>
/// A client WebSocket that counts the payload bytes and messages it receives: what the server
/// really put on the wire for this client, whatever the protocol (WebSocket frame headers and
/// TCP/IP overhead excluded).
/// </summary>
public sealed class CountingWebSocket(WebSocket inner) : WebSocket
{
    private long _bytes;
    private long _messages;

    public long BytesReceived => Interlocked.Read(ref _bytes);

    /// <summary>The same bytes split by SignalR message kind.</summary>
    public WireTally Tally { get; } = new();
    public long MessagesReceived => Interlocked.Read(ref _messages);

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;
    public override string? CloseStatusDescription => inner.CloseStatusDescription;
    public override WebSocketState State => inner.State;
    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => inner.Dispose();

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(result.Count, result.EndOfMessage);
        Tally.Feed(buffer.AsSpan(0, result.Count), result.MessageType == WebSocketMessageType.Text);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(result.Count, result.EndOfMessage);
        Tally.Feed(buffer.Span[..result.Count], result.MessageType == WebSocketMessageType.Text);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    private void Count(int bytes, bool endOfMessage)
    {
        Interlocked.Add(ref _bytes, bytes);
        if (endOfMessage) Interlocked.Increment(ref _messages);
    }
}
