using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CityTwin.Deploy.Tests;

/// <summary>
/// Reads YAML into plain maps (string keys), lists and string scalars, with merge keys
/// (<c>&lt;&lt;: *anchor</c>) resolved as Docker Compose resolves them.
/// </summary>
public static class Yaml
{
    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new MergingParser(new Parser(new StringReader(text)));
        var documents = new List<object?>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Normalize(deserializer.Deserialize<object?>(parser)));
        }
        return documents;
    }

    public static Dictionary<string, object?> LoadMap(string text)
    {
        var documents = LoadAll(text);
        Assert.Single(documents);
        return Map(documents[0], "document");
    }

    public static Dictionary<string, object?> Map(object? node, string what) =>
        node as Dictionary<string, object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a mapping, found {Describe(node)}");

    public static List<object?> List(object? node, string what) =>
        node as List<object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a sequence, found {Describe(node)}");

    public static string Scalar(object? node, string what) =>
        node as string ?? throw new Xunit.Sdk.XunitException($"{what}: expected a scalar, found {Describe(node)}");

    public static Dictionary<string, object?> Map(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var node) ? Map(node, $"{what}.{key}") : throw new Xunit.Sdk.XunitException($"{what}: no '{key}'");

    public static List<object?> List(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var node) ? List(node, $"{what}.{key}") : throw new Xunit.Sdk.XunitException($"{what}: no '{key}'");

    public static string Scalar(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var node) ? Scalar(node, $"{what}.{key}") : throw new Xunit.Sdk.XunitException($"{what}: no '{key}'");

    public static string? OptionalScalar(Dictionary<string, object?> parent, string key) =>
        parent.TryGetValue(key, out var node) ? node as string : null;

    public static Dictionary<string, object?>? OptionalMap(Dictionary<string, object?> parent, string key) =>
        parent.TryGetValue(key, out var node) ? node as Dictionary<string, object?> : null;

    public static List<object?> OptionalList(Dictionary<string, object?> parent, string key) =>
        parent.TryGetValue(key, out var node) && node is List<object?> list ? list : [];

    /// <summary>Follows a dotted path of mapping keys; null where it stops.</summary>
    public static object? At(object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(key, out node)) return null;
        }
        return node;
    }

    private static object? Normalize(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(
            e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "",
            e => Normalize(e.Value)),
        IList<object?> list => list.Select(Normalize).ToList(),
        null => null,
        _ => Convert.ToString(node, CultureInfo.InvariantCulture),
    };

    private static string Describe(object? node) => node switch
    {
        null => "nothing",
        string s => $"'{s}'",
        List<object?> => "a sequence",
        _ => "a mapping",
    };
}
