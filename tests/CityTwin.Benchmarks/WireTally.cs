using System.Text;

namespace CityTwin.Benchmarks;

/// <summary>
/// Splits the bytes a client receives into SignalR messages and adds each message's size to the
/// frame kind it carries (<c>assets</c>, <c>districts</c>, <c>clock</c>, other): JSON messages end
/// with 0x1E, MessagePack ones start with a varint length. Fed by one receive loop at a time.
/// </summary>
public sealed class WireTally
{
    public static readonly string[] Kinds = ["assets", "districts", "clock", "other"];
    private static readonly byte[][] Targets = [.. Kinds.Take(3).Select(Encoding.ASCII.GetBytes)];
    private const byte RecordSeparator = 0x1e;
    private const int HeadLength = 64;

    private readonly long[] _bytes = new long[Kinds.Length];
    private readonly long[] _messages = new long[Kinds.Length];
    private readonly byte[] _head = new byte[HeadLength];
    private int _headCount;
    private bool _handshakeDone;
    private long _pending;
    // MessagePack framing state.
    private bool _inPrefix = true;
    private int _shift;
    private long _remaining;

    public long Bytes(string kind) => Interlocked.Read(ref _bytes[Array.IndexOf(Kinds, kind)]);

    public long Messages(string kind) => Interlocked.Read(ref _messages[Array.IndexOf(Kinds, kind)]);

    public void Feed(ReadOnlySpan<byte> data, bool text)
    {
        // The handshake answer is JSON ending in 0x1E whatever the protocol (and travels in binary
        // WebSocket messages under MessagePack), so the stream starts in text framing.
        if (!_handshakeDone)
        {
            var used = FeedText(data, stopAfterOne: true);
            data = data[used..];
        }
        if (text) FeedText(data, stopAfterOne: false);
        else FeedBinary(data);
    }

    private int FeedText(ReadOnlySpan<byte> data, bool stopAfterOne)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            _pending++;
            if (_headCount < HeadLength) _head[_headCount++] = b;
            if (b != RecordSeparator) continue;
            Complete();
            _handshakeDone = true;
            if (stopAfterOne) return i + 1;
        }
        return data.Length;
    }

    private void FeedBinary(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            if (_inPrefix)
            {
                var b = data[pos++];
                _pending++;
                _remaining |= (long)(b & 0x7f) << _shift;
                _shift += 7;
                if ((b & 0x80) == 0)
                {
                    _inPrefix = false;
                    if (_remaining == 0) Complete();
                }
                continue;
            }
            var n = (int)Math.Min(_remaining, data.Length - pos);
            var copy = Math.Min(n, HeadLength - _headCount);
            if (copy > 0)
            {
                data.Slice(pos, copy).CopyTo(_head.AsSpan(_headCount));
                _headCount += copy;
            }
            pos += n;
            _pending += n;
            _remaining -= n;
            if (_remaining == 0) Complete();
        }
    }

    private void Complete()
    {
        var head = _head.AsSpan(0, _headCount);
        var kind = Kinds.Length - 1;
        for (var k = 0; k < Targets.Length; k++)
            if (head.IndexOf(Targets[k]) >= 0)
            {
                kind = k;
                break;
            }
        Interlocked.Add(ref _bytes[kind], _pending);
        Interlocked.Increment(ref _messages[kind]);
        _pending = 0;
        _headCount = 0;
        _inPrefix = true;
        _shift = 0;
        _remaining = 0;
    }
}
