using System.Text.Json;
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
/// <c>$id</c>/<c>$type</c> entries are ignored).
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
            ?? throw new JsonException($"stored {typeof(T).Name} is null");
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
