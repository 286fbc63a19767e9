using System.Text;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;

namespace CityTwin.Benchmarks;

/// <summary>
/// Feed messages built before the clock starts, as a gateway would send them: readings of real
/// assets of the city (every kind, round robin) with each kind's channels and an ISO 8601 <c>ts</c>.
/// </summary>
public static class FeedPayloads
{
    /// <summary>A batch body <c>[{assetId, ts, values}]</c> of <paramref name="items"/> readings, starting at asset <paramref name="first"/>.</summary>
    public static byte[] Batch(CityCatalog catalog, int first, int items, DateTimeOffset ts)
    {
        var sb = new StringBuilder(items * 110).Append('[');
        for (var k = 0; k < items; k++)
        {
            if (k > 0) sb.Append(',');
            var a = catalog.Assets[(first + k) % catalog.Assets.Count];
            sb.Append("{\"assetId\":\"").Append(a.Id).Append("\",\"ts\":\"").Append(ts.ToString("O")).Append("\",");
            Values(sb, a, k);
            sb.Append('}');
        }
        return Encoding.UTF8.GetBytes(sb.Append(']').ToString());
    }

    /// <summary>One reading <c>{ts, values}</c> of <paramref name="asset"/> (its topic names the asset).</summary>
    public static byte[] Single(AssetDescriptor asset, int variant, DateTimeOffset ts)
    {
        var sb = new StringBuilder(100).Append("{\"ts\":\"").Append(ts.ToString("O")).Append("\",");
        Values(sb, asset, variant);
        return Encoding.UTF8.GetBytes(sb.Append('}').ToString());
    }

    private static void Values(StringBuilder sb, AssetDescriptor a, int variant)
    {
        var channels = AssetKinds.Of(a.Kind).Channels;
        sb.Append("\"values\":{");
        for (var c = 0; c < channels.Count; c++)
        {
            if (c > 0) sb.Append(',');
            sb.Append('"').Append(channels[c]).Append("\":").Append(((variant * 7 + c * 13) % 50 + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        sb.Append('}');
    }
}
