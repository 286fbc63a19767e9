using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace CityTwin.Benchmarks;

/// <summary>
/// Reads the sensor timestamps of an <c>assets</c> message without knowing its item shape: every
/// integer under a key named <c>ts</c>, wherever it sits in the arguments, in JSON or MessagePack.
/// </summary>
public static class HubFrameReader
{
    private static readonly byte[] TsKey = "ts"u8.ToArray();

    /// <summary>Calls <paramref name="onTs"/> with each timestamp; returns how many.</summary>
    public static int ReadTimestamps(ReadOnlySpan<byte> message, bool messagePack, Action<long> onTs) =>
        messagePack ? ReadMessagePack(message.ToArray(), onTs) : ReadJson(message, onTs);

    /// <summary>
    /// The binary frame of an <c>assetsCompact</c> invocation (MessagePack: <c>[1, headers, id, target, [frame]]</c>),
    /// or null for any other message: compact frames carry one wall-clock stamp per frame, no <c>ts</c> keys.
    /// </summary>
    public static byte[]? CompactFrame(ReadOnlySpan<byte> message)
    {
        var reader = new MessagePackReader(new ReadOnlySequence<byte>(message.ToArray()));
        try
        {
            if (reader.NextMessagePackType != MessagePackType.Array || reader.ReadArrayHeader() < 5) return null;
            if (reader.ReadInt32() != 1) return null; // not an invocation
            reader.Skip(); // headers
            reader.Skip(); // invocation id
            if (reader.ReadString() != "assetsCompact") return null;
            if (reader.ReadArrayHeader() < 1) return null;
            return reader.ReadBytes()?.ToArray();
        }
        catch (MessagePackSerializationException)
        {
            return null;
        }
    }

    private static int ReadJson(ReadOnlySpan<byte> message, Action<long> onTs)
    {
        var reader = new Utf8JsonReader(message);
        var found = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(TsKey)) continue;
                if (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ts))
                {
                    onTs(ts);
                    found++;
                }
            }
        }
        catch (JsonException)
        {
            // A message cut short cannot happen on a WebSocket; count what was read.
        }
        return found;
    }

    private static int ReadMessagePack(byte[] message, Action<long> onTs)
    {
        var reader = new MessagePackReader(new ReadOnlySequence<byte>(message));
        var found = 0;
        Walk(ref reader, onTs, ref found);
        return found;
    }

    private static void Walk(ref MessagePackReader reader, Action<long> onTs, ref int found)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                for (var i = 0; i < items; i++) Walk(ref reader, onTs, ref found);
                break;
            case MessagePackType.Map:
                var pairs = reader.ReadMapHeader();
                for (var i = 0; i < pairs; i++)
                {
                    bool isTs;
                    if (reader.NextMessagePackType == MessagePackType.String) isTs = reader.ReadStringSequence() is { Length: 2 } key && key.FirstSpan.SequenceEqual(TsKey);
                    else
                    {
                        reader.Skip();
                        isTs = false;
                    }
                    if (isTs && reader.NextMessagePackType == MessagePackType.Integer)
                    {
                        onTs(reader.ReadInt64());
                        found++;
                    }
                    else Walk(ref reader, onTs, ref found);
                }
                break;
            default:
                reader.Skip();
                break;
        }
    }
}
