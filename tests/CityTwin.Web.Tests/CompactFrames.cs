using System.Buffers.Binary;
using System.Net.Http.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// An independent reader of the server's compact asset frames, written from the format as
/// documented (header: u8 format, u32 directory version, f64 ts, f64 wallTs; items: u32 index, u8 status, f32 per
/// channel) and the directory served at <c>/api/live/assets</c>: what a third-party client would do.
/// </summary>
public sealed class CompactFrames
{
    public const int HeaderLength = 21;

    public sealed record Directory(string City, uint Version, int Count, DirectoryKind[] Kinds, string[] Statuses, int[] KindOf, string[] Ids);

    public sealed record DirectoryKind(string Kind, string[] Channels);

    public sealed record Item(int Index, string Id, string Status, Dictionary<string, double> Values, long Ts, int Bytes);

    private CompactFrames(Directory directory) => Dir = directory;

    public Directory Dir { get; }

    public static async Task<CompactFrames> ReaderAsync(TwinAppFactory app)
    {
        using var http = app.CreateClient();
        return new CompactFrames((await http.GetFromJsonAsync<Directory>("/api/live/assets"))!);
    }

    public static (byte Format, uint Version, long Ts) Header(byte[] frame) =>
        (frame[0], BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(1)), (long)BinaryPrimitives.ReadDoubleLittleEndian(frame.AsSpan(5)));

    /// <summary>The frame's wall-clock stamp: when its oldest reading entered the twin (Unix ms).</summary>
    public static long WallTs(byte[] frame) => (long)BinaryPrimitives.ReadDoubleLittleEndian(frame.AsSpan(13));

    public IReadOnlyList<Item> Read(byte[] frame)
    {
        var (format, version, ts) = Header(frame);
        if (format != 2 || version != Dir.Version) throw new InvalidDataException($"frame format {format} version {version:x8}, directory {Dir.Version:x8}");
        var items = new List<Item>();
        for (var at = HeaderLength; at < frame.Length;)
        {
            var index = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(at));
            var kind = Dir.Kinds[Dir.KindOf[index]];
            var values = new Dictionary<string, double>();
            for (var c = 0; c < kind.Channels.Length; c++)
            {
                var v = BinaryPrimitives.ReadSingleLittleEndian(frame.AsSpan(at + 5 + 4 * c));
                if (!float.IsNaN(v)) values[kind.Channels[c]] = v;
            }
            var length = 5 + 4 * kind.Channels.Length;
            items.Add(new Item(index, Dir.Ids[index], Dir.Statuses[frame[at + 4]], values, ts, length));
            at += length;
        }
        return items;
    }
}
