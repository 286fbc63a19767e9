using System.Buffers;
using System.Runtime.CompilerServices;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// Writes a <c>districts</c> item in MessagePack once and copies those bytes into every frame that
/// carries it. <see cref="LiveState.AreaItemOf"/> hands every client the same item object for an
/// area until its KPIs change, so with thousands of clients on the overview an area's ~30 named KPIs
/// are encoded once per change instead of once per client. The bytes are the map the default
/// resolver writes (<c>code</c>, <c>level</c>, <c>kpis</c>), so clients see no difference.
/// </summary>
public sealed class AreaFrameItemFormatter : IMessagePackFormatter<AreaFrameItem?>
{
    public static readonly AreaFrameItemFormatter Instance = new();

    // Keyed by the item object (not its value): an item dies with the KPIs it was built from.
    private static readonly ConditionalWeakTable<AreaFrameItem, byte[]> Encoded = new();

    /// <summary>Puts this formatter in front of the hub protocol's own resolver.</summary>
    public static void Configure(MessagePackHubProtocolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SerializerOptions = options.SerializerOptions.WithResolver(
            CompositeResolver.Create([Instance], [options.SerializerOptions.Resolver]));
    }

    public void Serialize(ref MessagePackWriter writer, AreaFrameItem? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }
        writer.WriteRaw(Encoded.GetValue(value, Encode));
    }

    public AreaFrameItem? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil()) return null;
        string? code = null, level = null;
        IReadOnlyDictionary<string, double>? kpis = null;
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            switch (reader.ReadString())
            {
                case "code": code = reader.ReadString(); break;
                case "level": level = reader.ReadString(); break;
                case "kpis":
                    var n = reader.ReadMapHeader();
                    var d = new Dictionary<string, double>(n);
                    for (var k = 0; k < n; k++) d[reader.ReadString() ?? ""] = reader.ReadDouble();
                    kpis = d;
                    break;
                default: reader.Skip(); break;
            }
        }
        return new AreaFrameItem(code ?? "", level ?? "", kpis ?? new Dictionary<string, double>());
    }

    /// <summary>The item as the default resolver writes it: a map of its three data members.</summary>
    public static byte[] Encode(AreaFrameItem item)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + item.Kpis.Count * 24);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(3);
        writer.Write("code");
        writer.Write(item.Code);
        writer.Write("level");
        writer.Write(item.Level);
        writer.Write("kpis");
        writer.WriteMapHeader(item.Kpis.Count);
        foreach (var (name, value) in item.Kpis)
        {
            writer.Write(name);
            writer.Write(value);
        }
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
