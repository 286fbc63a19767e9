using System.Buffers;
using System.Globalization;
using System.Text;
using MessagePack;

namespace CityTwin.Benchmarks;

/// <summary>
/// The few SignalR hub-protocol messages a lean client sends, written by hand (handshake, one
/// <c>Subscribe</c> invocation, ping) in JSON (records ending in 0x1E) or MessagePack
/// (a varint length, then an array: type, headers, invocation id, target, arguments, stream ids).
/// </summary>
public static class HubWire
{
    public const byte RecordSeparator = 0x1e;

    public static byte[] Handshake(bool messagePack) =>
        Encoding.UTF8.GetBytes($"{{\"protocol\":\"{(messagePack ? "messagepack" : "json")}\",\"version\":1}}\u001e");

    public static byte[] Ping(bool messagePack) => messagePack ? [0x02, 0x91, 0x06] : Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    /// <summary><c>Subscribe({bbox, zoom})</c> with invocation id "1", so the server answers with a completion.</summary>
    public static byte[] Subscribe(bool messagePack, Viewbox view)
    {
        if (!messagePack)
        {
            var json = string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{{\"bbox\":[{view.West:R},{view.South:R},{view.East:R},{view.North:R}],\"zoom\":{view.Zoom:R}}}]}}\u001e");
            return Encoding.UTF8.GetBytes(json);
        }
        var body = new ArrayBufferWriter<byte>(128);
        var w = new MessagePackWriter(body);
        w.WriteArrayHeader(6);
        w.Write(1); // invocation
        w.WriteMapHeader(0); // headers
        w.Write("1");
        w.Write("Subscribe");
        w.WriteArrayHeader(1);
        w.WriteMapHeader(2);
        w.Write("bbox");
        w.WriteArrayHeader(4);
        w.Write(view.West);
        w.Write(view.South);
        w.Write(view.East);
        w.Write(view.North);
        w.Write("zoom");
        w.Write(view.Zoom);
        w.WriteArrayHeader(0); // stream ids
        w.Flush();
        var framed = new List<byte>(body.WrittenCount + 5);
        var length = (uint)body.WrittenCount;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            framed.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        framed.AddRange(body.WrittenSpan.ToArray());
        return [.. framed];
    }
}
