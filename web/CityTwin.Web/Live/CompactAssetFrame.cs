using System.Buffers.Binary;
using CityTwin.Abstractions.Assets;

namespace CityTwin.Web.Live;

/// <summary>
/// The binary <c>assetsCompact</c> frame that MessagePack clients receive instead of <c>assets</c>:
/// one MessagePack <c>bin</c> argument holding, little-endian,
/// <code>
/// header: u8 format (2) · u32 directory version · f64 ts (Unix ms, simulated: the newest reading in the frame)
///         · f64 wallTs (Unix ms, wall clock: when the oldest reading in the frame entered the twin; 0 = not stamped)
/// items:  u32 asset index · u8 status · f32 × the kind's channel count (NaN = no value)
/// </code>
/// Items repeat to the end; an index appears at most once per flush, and where several flushes are
/// merged for a slow client a later item of the same asset wins. The index is the asset's position in
/// the city's asset directory (<c>GET /api/live/assets</c>), whose version the header repeats so a
/// client holding another city's directory knows to fetch it again. Channels come in the order of
/// <see cref="AssetKindInfo.Channels"/>, which the directory lists per kind.
/// </summary>
public static class CompactAssetFrame
{
    public const byte Format = 2;
    public const int HeaderLength = 1 + 4 + 8 + 8;

    /// <summary>Status bytes: the wire's status names in this order.</summary>
    public static byte StatusByte(AssetStatus status) => status switch
    {
        AssetStatus.Ok => 0,
        AssetStatus.Warning => 1,
        AssetStatus.Alarm => 2,
        _ => 3,
    };

    public static int ItemLength(int channels) => 4 + 1 + 4 * channels;

    public static void WriteHeader(Span<byte> to, uint directoryVersion, long ts, long wallTs)
    {
        to[0] = Format;
        BinaryPrimitives.WriteUInt32LittleEndian(to[1..], directoryVersion);
        BinaryPrimitives.WriteDoubleLittleEndian(to[5..], ts);
        BinaryPrimitives.WriteDoubleLittleEndian(to[13..], wallTs);
    }

    /// <summary>Writes one item into <paramref name="to"/> and returns its length.</summary>
    public static int WriteItem(Span<byte> to, int index, AssetStatus status, double[] values, int channels)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(to, (uint)index);
        to[4] = StatusByte(status);
        for (var c = 0; c < channels; c++)
            BinaryPrimitives.WriteSingleLittleEndian(to[(5 + 4 * c)..], c < values.Length ? (float)values[c] : float.NaN);
        return ItemLength(channels);
    }

    /// <summary>The frame timestamp stored in a header.</summary>
    public static long ReadTs(ReadOnlySpan<byte> frame) => (long)BinaryPrimitives.ReadDoubleLittleEndian(frame[5..]);

    /// <summary>The frame's wall-clock stamp stored in a header (0 = not stamped).</summary>
    public static long ReadWallTs(ReadOnlySpan<byte> frame) => (long)BinaryPrimitives.ReadDoubleLittleEndian(frame[13..]);

    /// <summary>The older of two wall stamps, ignoring unstamped (0) ones: receipt − stamp then bounds every item's latency.</summary>
    public static long OlderWall(long a, long b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);

    /// <summary>
    /// One frame from several, for a client that was still sending when they were made: one header
    /// (the newest timestamp) and the items of each in order, so a later value of an asset wins.
    /// </summary>
    public static byte[] Merge(IReadOnlyList<byte[]> frames, uint directoryVersion)
    {
        if (frames.Count == 1) return frames[0];
        var length = HeaderLength + frames.Sum(f => f.Length - HeaderLength);
        var merged = new byte[length];
        var ts = frames.Max(f => ReadTs(f));
        var wall = frames.Aggregate(0L, (w, f) => OlderWall(w, ReadWallTs(f)));
        WriteHeader(merged, directoryVersion, ts, wall);
        var at = HeaderLength;
        foreach (var f in frames)
        {
            f.AsSpan(HeaderLength).CopyTo(merged.AsSpan(at));
            at += f.Length - HeaderLength;
        }
        return merged;
    }
}
