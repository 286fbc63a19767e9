using System.Buffers;
using System.Text;

namespace CityTwin.Benchmarks;

/// <summary>
/// Splits the bytes one client receives into SignalR messages (the JSON handshake answer first,
/// then JSON records ending in 0x1E or length-prefixed MessagePack) and names each by its target
/// from its first bytes. Only <c>assets</c> messages are kept whole (rented buffers, returned at
/// once) for <see cref="HubFrameReader"/>; the others are counted and skipped without parsing, so
/// ten thousand clients cost the load generator little.
/// </summary>
public sealed class HubMessageStream(bool messagePack)
{
    public const int Assets = 0, Districts = 1, Clock = 2, Completion = 3, Other = 4;
    private const int HeadLength = 48;
    private static readonly byte[][] Targets = [.. new[] { "assets", "districts", "clock" }.Select(Encoding.ASCII.GetBytes)];

    private readonly byte[] _head = new byte[HeadLength];
    private int _headCount;
    private byte[]? _body;
    private int _bodyCount;
    private bool _keep = true;
    private bool _handshakeDone;
    // MessagePack framing state.
    private bool _inPrefix = true;
    private int _shift;
    private long _remaining;

    /// <summary>Called at the end of each message with its kind, its size and its bytes (whole for <c>assets</c>, else the first 48).</summary>
    public Action<int, long, ReadOnlySpan<byte>>? OnMessage { get; set; }

    private long _size;

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (!_handshakeDone || !messagePack)
            {
                var end = data.IndexOf(HubWire.RecordSeparator);
                var chunk = end < 0 ? data : data[..end];
                Append(chunk);
                if (end < 0) return;
                _size++; // the separator
                Complete(handshake: !_handshakeDone);
                data = data[(end + 1)..];
                continue;
            }
            if (_inPrefix)
            {
                var b = data[0];
                data = data[1..];
                _size++;
                _remaining |= (long)(b & 0x7f) << _shift;
                _shift += 7;
                if ((b & 0x80) == 0)
                {
                    _inPrefix = false;
                    if (_remaining == 0) Complete(handshake: false);
                }
                continue;
            }
            var n = (int)Math.Min(_remaining, data.Length);
            Append(data[..n]);
            data = data[n..];
            _remaining -= n;
            if (_remaining == 0) Complete(handshake: false);
        }
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        _size += chunk.Length;
        var copy = Math.Min(chunk.Length, HeadLength - _headCount);
        if (copy > 0)
        {
            chunk[..copy].CopyTo(_head.AsSpan(_headCount));
            _headCount += copy;
            if (_headCount == HeadLength) _keep = Kind() == Assets;
        }
        if (!_keep) return;
        if (_body is null || _bodyCount + chunk.Length > _body.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, (_bodyCount + chunk.Length) * 2));
            if (_body is not null)
            {
                _body.AsSpan(0, _bodyCount).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_body);
            }
            _body = bigger;
        }
        chunk.CopyTo(_body.AsSpan(_bodyCount));
        _bodyCount += chunk.Length;
    }

    private void Complete(bool handshake)
    {
        if (handshake) _handshakeDone = true;
        else
        {
            var kind = Kind();
            OnMessage?.Invoke(kind, _size, kind == Assets && _body is not null ? _body.AsSpan(0, _bodyCount) : _head.AsSpan(0, _headCount));
        }
        if (_body is not null) ArrayPool<byte>.Shared.Return(_body);
        _body = null;
        _bodyCount = 0;
        _headCount = 0;
        _keep = true;
        _size = 0;
        _inPrefix = true;
        _shift = 0;
        _remaining = 0;
    }

    private int Kind()
    {
        var head = _head.AsSpan(0, _headCount);
        for (var k = 0; k < Targets.Length; k++)
            if (head.IndexOf(Targets[k]) >= 0) return k;
        // A completion: JSON {"type":3,…}, MessagePack [3, …] (array header, then 3).
        if (messagePack ? head.Length > 1 && head[1] == 3 : head.IndexOf("\"type\":3"u8) >= 0) return Completion;
        return Other;
    }

    /// <summary>
    /// Whether a completion's first bytes carry an error (the hub refused the call): JSON has an
    /// <c>error</c> key; MessagePack <c>[3, {}, "1", 1, …]</c> has result kind 1.
    /// </summary>
    public bool IsError(ReadOnlySpan<byte> head) =>
        messagePack ? head.Length > 5 && head[5] == 1 : head.IndexOf("\"error\""u8) >= 0;
}
