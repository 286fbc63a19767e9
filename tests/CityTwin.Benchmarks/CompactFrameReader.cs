using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace CityTwin.Benchmarks;

/// <summary>
/// Reads the web app's binary <c>assetsCompact</c> frames (header: u8 format, u32 directory version,
/// f64 ts, f64 wallTs; items: u32 index, u8 status, f32 per channel) with the asset directory from
/// <c>GET /api/live/assets</c>, fetched once per server. Items become <see cref="AssetStamp"/>s with
/// the frame's simulated timestamp; <see cref="WallTs"/> reads its wall-clock stamp.
/// </summary>
public sealed class CompactFrameReader
{
    private const int HeaderLength = 21;
    private static readonly ConcurrentDictionary<Uri, Lazy<Task<CompactFrameReader>>> ByServer = new();

    private readonly string[] _ids;
    private readonly int[] _channels;

    private CompactFrameReader(string[] ids, int[] channels) => (_ids, _channels) = (ids, channels);

    public static Task<CompactFrameReader> ForAsync(Uri baseUri) =>
        ByServer.GetOrAdd(baseUri, uri => new Lazy<Task<CompactFrameReader>>(() => LoadAsync(uri))).Value;

    private static async Task<CompactFrameReader> LoadAsync(Uri baseUri)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        using var response = await http.GetAsync("/api/live/assets");
        // A server from before compact frames has no directory and sends none.
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return new CompactFrameReader([], []);
        response.EnsureSuccessStatusCode();
        var dir = await response.Content.ReadFromJsonAsync<Directory>() ?? throw new InvalidOperationException("no asset directory");
        var channels = dir.KindOf.Select(k => dir.Kinds[k].Channels.Length).ToArray();
        return new CompactFrameReader(dir.Ids, channels);
    }

    /// <summary>How many items a frame holds (cheap: walks lengths only).</summary>
    public int Count(ReadOnlySpan<byte> frame)
    {
        var n = 0;
        for (var at = HeaderLength; at < frame.Length; n++)
            at += 5 + 4 * _channels[BinaryPrimitives.ReadUInt32LittleEndian(frame[at..])];
        return n;
    }

    /// <summary>The frame's wall-clock stamp: when its oldest reading entered the twin (Unix ms, 0 = not stamped).</summary>
    public static long WallTs(ReadOnlySpan<byte> frame) => (long)BinaryPrimitives.ReadDoubleLittleEndian(frame[13..]);

    public AssetStamp[] Stamps(ReadOnlySpan<byte> frame)
    {
        var ts = (long)BinaryPrimitives.ReadDoubleLittleEndian(frame[5..]);
        var stamps = new List<AssetStamp>();
        for (var at = HeaderLength; at < frame.Length;)
        {
            var index = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame[at..]);
            stamps.Add(new AssetStamp(_ids[index], ts));
            at += 5 + 4 * _channels[index];
        }
        return [.. stamps];
    }

    private sealed record Directory(string[] Ids, int[] KindOf, DirectoryKind[] Kinds);

    private sealed record DirectoryKind(string Kind, string[] Channels);
}
