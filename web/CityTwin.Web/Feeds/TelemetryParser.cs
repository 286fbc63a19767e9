using System.Collections.Frozen;
using System.Text.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using Microsoft.Extensions.Options;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Reads feed JSON straight from its UTF-8 bytes: a batch <c>[{assetId, ts, values:{channel:number}}]</c>
/// (HTTP body, MQTT gateway topic) or one reading <c>{ts, values}</c> whose asset the MQTT topic
/// names. Each item is checked on its own (asset known, every channel of its kind a finite number,
/// <c>ts</c> within the allowed window) and a bad item is reported by its index with the field at
/// fault, never failing its neighbours. Only a body that is not a batch at all is refused whole.
/// No per-item objects beyond the values array: this is the hot path of every real feed.
/// </summary>
public sealed class TelemetryParser
{
    private const int MaxIdLength = 128;
    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly FrozenDictionary<string, AssetDescriptor>.AlternateLookup<ReadOnlySpan<char>> _assets;
    private readonly FeedOptions _options;
    private readonly TimeProvider _time;

    public TelemetryParser(CityCatalog catalog, IOptions<FeedOptions> options, TimeProvider time)
    {
        _assets = catalog.Assets.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _options = options.Value;
        _time = time;
    }

    /// <summary>The asset with this id, or null.</summary>
    public AssetDescriptor? FindAsset(ReadOnlySpan<char> id) => _assets.TryGetValue(id, out var a) ? a : null;

    /// <summary>
    /// Sorts the items of a batch into <paramref name="accepted"/> and <paramref name="rejected"/>.
    /// Returns null when <paramref name="json"/> is a batch, else why it is not (nothing is taken then).
    /// </summary>
    public string? ParseBatch(ReadOnlySpan<byte> json, List<FeedReading> accepted, List<FeedRejection> rejected, List<int>? positions = null)
    {
        var now = _time.GetUtcNow();
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var firstAccepted = accepted.Count;
        var firstRejected = rejected.Count;
        try
        {
            if (!reader.Read()) return "The body is empty: send a JSON array of readings [{assetId, ts, values}]";
            if (reader.TokenType != JsonTokenType.StartArray) return $"Expected a JSON array of readings [{{assetId, ts, values}}], got {Describe(reader.TokenType)}";
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index == _options.MaxBatchItems)
                {
                    Undo(accepted, firstAccepted, rejected, firstRejected);
                    positions?.Clear();
                    return $"At most {_options.MaxBatchItems} readings per batch: split it";
                }
                if (ReadItem(ref reader, null, now, out var reading) is { } error) rejected.Add(new FeedRejection(index, error));
                else
                {
                    accepted.Add(reading);
                    positions?.Add(index);
                }
                index++;
            }
            // Anything after the array (a second value) makes the reader throw below.
            while (reader.Read()) { }
            return null;
        }
        catch (JsonException e)
        {
            Undo(accepted, firstAccepted, rejected, firstRejected);
            positions?.Clear();
            return $"Not valid JSON: {e.Message}";
        }
    }

    /// <summary>One reading of <paramref name="asset"/> (MQTT per-asset topic): null when good, else why not.</summary>
    public string? ParseSingle(ReadOnlySpan<byte> json, AssetDescriptor asset, out FeedReading reading)
    {
        reading = default;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read()) return "empty payload";
            var error = ReadItem(ref reader, asset, _time.GetUtcNow(), out reading);
            while (reader.Read()) { }
            return error;
        }
        catch (JsonException e)
        {
            return $"not valid JSON: {e.Message}";
        }
    }

    private static void Undo(List<FeedReading> accepted, int firstAccepted, List<FeedRejection> rejected, int firstRejected)
    {
        accepted.RemoveRange(firstAccepted, accepted.Count - firstAccepted);
        rejected.RemoveRange(firstRejected, rejected.Count - firstRejected);
    }

    /// <summary>Reads one item (the reader on its first token, left on its last); null when it is a good reading.</summary>
    private string? ReadItem(ref Utf8JsonReader reader, AssetDescriptor? asset, DateTimeOffset now, out FeedReading reading)
    {
        reading = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var got = reader.TokenType;
            reader.Skip();
            return $"expected an object {{assetId, ts, values}}, got {Describe(got)}";
        }
        string? error = null;
        string? unknownId = null;
        var fixedAsset = asset is not null;
        DateTimeOffset? at = null;
        double[]? values = null;
        ulong filled = 0;
        List<(string Name, double Value)>? early = null; // values seen before the asset was known
        var sawValues = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("assetId"u8))
            {
                reader.Read();
                if (fixedAsset) { reader.Skip(); continue; }
                if (reader.TokenType != JsonTokenType.String) { error ??= $"assetId: expected a string, got {Describe(reader.TokenType)}"; reader.Skip(); continue; }
                asset = ReadAsset(ref reader, out unknownId);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                if (ReadTimestamp(ref reader, out at) is { } e) error ??= e;
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                sawValues = true;
                if (reader.TokenType != JsonTokenType.StartObject) { error ??= $"values: expected an object {{channel: number}}, got {Describe(reader.TokenType)}"; reader.Skip(); continue; }
                if (asset is not null) values = new double[AssetKinds.Of(asset.Kind).Channels.Count];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (asset is not null)
                    {
                        var kind = AssetKinds.Of(asset.Kind);
                        var channel = ChannelOf(ref reader, kind);
                        var name = channel < 0 ? reader.GetString() : null;
                        reader.Read();
                        if (ReadNumber(ref reader, channel < 0 ? name! : kind.Channels[channel], out var v) is { } e) { error ??= e; continue; }
                        if (channel < 0) { error ??= $"values.{InputEcho.Clip(name!, 64)}: not a channel of {kind.WireName} ({string.Join(", ", kind.Channels)})"; continue; }
                        if ((filled & (1UL << channel)) != 0) { error ??= $"values.{kind.Channels[channel]}: given twice"; continue; }
                        filled |= 1UL << channel;
                        values![channel] = v;
                    }
                    else
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        if (ReadNumber(ref reader, name, out var v) is { } e) { error ??= e; continue; }
                        (early ??= []).Add((name, v));
                    }
                }
            }
            else
            {
                // Fields this version does not know (a gateway's own metadata) are passed over.
                reader.Read();
                reader.Skip();
            }
        }

        if (error is not null) return error;
        if (asset is null) return unknownId is null ? "assetId: missing" : $"assetId: unknown asset '{InputEcho.Clip(unknownId, 64)}'";
        if (!sawValues) return "values: missing (give every channel, or {} to report the device offline)";
        var info = AssetKinds.Of(asset.Kind);
        if (early is not null)
        {
            values = new double[info.Channels.Count];
            foreach (var (name, v) in early)
            {
                var channel = info.ChannelIndex(name);
                if (channel < 0) return $"values.{InputEcho.Clip(name, 64)}: not a channel of {info.WireName} ({string.Join(", ", info.Channels)})";
                if ((filled & (1UL << channel)) != 0) return $"values.{name}: given twice";
                filled |= 1UL << channel;
                values[channel] = v;
            }
        }
        if (filled == 0) values = []; // {} : the device reports itself offline
        else if (filled != (1UL << info.Channels.Count) - 1)
        {
            for (var c = 0; c < info.Channels.Count; c++)
                if ((filled & (1UL << c)) == 0) return $"values.{info.Channels[c]}: missing (a {info.WireName} reading gives {string.Join(", ", info.Channels)})";
        }
        var when = at ?? now;
        if (when > now + _options.MaxFutureSkew) return $"ts: {when:O} is more than {_options.MaxFutureSkew.TotalMinutes:0} min ahead of the server's clock ({now:O})";
        if (when < now - _options.MaxAge) return $"ts: {when:O} is older than {_options.MaxAge.TotalHours:0} h";
        reading = new FeedReading(asset, values!, when);
        return null;
    }

    private AssetDescriptor? ReadAsset(ref Utf8JsonReader reader, out string? unknownId)
    {
        unknownId = null;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxIdLength * 4)
        {
            unknownId = "(too long)";
            return null;
        }
        Span<char> id = stackalloc char[MaxIdLength * 4];
        var n = reader.CopyString(id);
        if (_assets.TryGetValue(id[..n], out var found)) return found;
        unknownId = new string(id[..n]);
        return null;
    }

    private static int ChannelOf(ref Utf8JsonReader reader, AssetKindInfo kind)
    {
        var names = ChannelNames.Of(kind);
        for (var c = 0; c < names.Length; c++)
            if (reader.ValueTextEquals(names[c])) return c;
        return -1;
    }

    private static string? ReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset? at)
    {
        at = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var parsed)) { at = parsed; return null; }
                return "ts: not an ISO 8601 instant (e.g. 2026-12-07T06:30:00Z)";
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var ms) && ms >= MinUnixMs && ms <= MaxUnixMs) { at = DateTimeOffset.FromUnixTimeMilliseconds(ms); return null; }
                return "ts: a number must be whole Unix milliseconds";
            default:
                var got = reader.TokenType;
                reader.Skip();
                return $"ts: expected an ISO 8601 string or Unix milliseconds, got {Describe(got)}";
        }
    }

    private static string? ReadNumber(ref Utf8JsonReader reader, string channel, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            var got = reader.TokenType;
            reader.Skip();
            return $"values.{InputEcho.Clip(channel, 64)}: expected a number, got {Describe(got)}";
        }
        if (!reader.TryGetDouble(out value) || !double.IsFinite(value)) return $"values.{InputEcho.Clip(channel, 64)}: not a finite number";
        return null;
    }


    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
