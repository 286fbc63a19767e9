using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace CityTwin.Hosting;

/// <summary>
/// How the durable stores (SQLite embedded, PostgreSQL in a cluster) write grain state: plain
/// System.Text.Json, property names as declared, enums by name.
/// Orleans' default storage serializer is Newtonsoft.Json with CLR type names embedded in every
/// object; a state holding a list built with a collection expression then names a compiler-generated
/// type that cannot be read back, and renaming a namespace orphans stored data. Plain JSON reads back
/// whatever list the state was given, and still reads records the default serializer wrote (their
/// <c>$id</c>/<c>$type</c> entries are dropped and <c>$values</c> collections unwrapped).
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = input.ToMemory().Span;
        var state = json.StartsWith(PreviousSerializerStart)
            ? WithoutPreviousMetadata(JsonNode.Parse(json)).Deserialize<T>(Options)
            : JsonSerializer.Deserialize<T>(json, Options);
        return state ?? throw new JsonException($"stored {typeof(T).Name} is null");
    }

    // The previous serializer began every record with the root object's reference id, then its type.
    private static ReadOnlySpan<byte> PreviousSerializerStart => "{\"$id\":"u8;

    // Its metadata is harmless on an object's own properties, which are matched by name, but a
    // dictionary would take "$id" and "$type" as entries (and fail to read them as values), and a
    // collection was an object wrapping "$values". Dropping the one and unwrapping the other leaves
    // the plain JSON this serializer writes, so a store kept from before the switch still opens.
    private static JsonNode? WithoutPreviousMetadata(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["$values"] is JsonArray values:
                obj.Remove("$values");
                return WithoutPreviousMetadata(values);
            case JsonObject obj:
                obj.Remove("$id");
                obj.Remove("$type");
                foreach (var (name, value) in obj.ToList())
                {
                    var plain = WithoutPreviousMetadata(value);
                    if (!ReferenceEquals(plain, value)) obj[name] = plain;
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var plain = WithoutPreviousMetadata(item);
                    if (!ReferenceEquals(plain, item)) array[i] = plain;
                }
                return array;
            default:
                return node;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            // KPI results may hold NaN or infinities (a mean over nothing); keep them, do not fail the write.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        // By name, and numbers (as the previous serializer wrote them) still read.
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
