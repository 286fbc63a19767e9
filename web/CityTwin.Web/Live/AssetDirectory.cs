using System.Text;
using System.Text.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;

namespace CityTwin.Web.Live;

/// <summary>
/// How the server and a client agree on asset indexes in <see cref="CompactAssetFrame"/>s: the
/// city's assets in catalogue order (stable for a pack and seed), with each one's kind and each
/// kind's channels, served once as <c>GET /api/live/assets</c>. Its <see cref="Version"/> is a hash
/// of the ids in order, so a directory from another pack or seed never decodes this city's frames.
/// </summary>
public sealed class AssetDirectory
{
    private readonly byte[] _channels;
    private readonly Lazy<byte[]> _json;

    public AssetDirectory(CityCatalog catalog)
    {
        var assets = catalog.Assets;
        _channels = new byte[assets.Count];
        var hash = 2166136261u; // FNV-1a over the ids and a separator: cheap, stable across processes.
        for (var i = 0; i < assets.Count; i++)
        {
            _channels[i] = (byte)AssetKinds.Of(assets[i].Kind).Channels.Count;
            foreach (var b in Encoding.UTF8.GetBytes(assets[i].Id)) hash = (hash ^ b) * 16777619;
            hash = (hash ^ 0xFF) * 16777619;
        }
        Version = hash;
        _json = new(() => JsonSerializer.SerializeToUtf8Bytes(Describe(catalog, Version), JsonSerializerOptions.Web));
    }

    public uint Version { get; }

    /// <summary>How many float32 values an item of this asset carries.</summary>
    public int ChannelsOf(int index) => _channels[index];

    /// <summary>The directory as UTF-8 JSON (built on first use; tens of bytes per asset).</summary>
    public byte[] Json => _json.Value;

    private static AssetDirectoryResponse Describe(CityCatalog catalog, uint version) => new(
        catalog.Id,
        version,
        catalog.Assets.Count,
        [.. AssetKinds.All.Select(k => new AssetDirectoryKind(k.WireName, k.Channels))],
        ["ok", "warning", "alarm", "offline"],
        [.. catalog.Assets.Select(a => (int)a.Kind)],
        [.. catalog.Assets.Select(a => a.Id)]);
}
