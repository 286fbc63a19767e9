using System.Text;
using CityTwin.Abstractions.Assets;

namespace CityTwin.Web.Feeds;

/// <summary>Each kind's channel names as UTF-8, so the parser compares names without making strings.</summary>
public static class ChannelNames
{
    private static readonly byte[][][] ByKind = [.. AssetKinds.All.Select(k => k.Channels.Select(Encoding.UTF8.GetBytes).ToArray())];

    public static byte[][] Of(AssetKindInfo kind) => ByKind[(int)kind.Kind];
}
