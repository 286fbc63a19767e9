using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityTwin.Web.Tests;

/// <summary>
/// A well-typed JSON value for a request type, built from its shape (records by their constructor,
/// lists, dictionaries, dates, numbers), so that every endpoint's body can be mutated path by path.
/// </summary>
public static class JsonSample
{
    public static JsonNode? Of(Type type, int depth = 0)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "x";
        if (t == typeof(bool)) return true;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return 6.0;
        if (t.IsPrimitive) return 7;
        if (t == typeof(DateOnly)) return "2026-07-15";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "2026-07-15T12:00:00+09:00";
        if (t == typeof(TimeSpan)) return "01:00:00";
        if (t.IsEnum) return JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(t)[0]);
        if (depth > 6) return null;
        if (t.IsArray) return new JsonArray(Of(t.GetElementType()!, depth + 1));
        var dictionary = t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null) return new JsonObject { ["k"] = Of(dictionary.GetGenericArguments()[1], depth + 1) };
        var list = t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (list is not null && typeof(IEnumerable).IsAssignableFrom(t)) return new JsonArray(Of(list.GetGenericArguments()[0], depth + 1));

        var o = new JsonObject();
        var constructor = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is { } c && c.GetParameters().Length > 0)
            foreach (var p in c.GetParameters()) o[JsonNamingPolicy.CamelCase.ConvertName(p.Name!)] = Of(p.ParameterType, depth + 1);
        else
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                o[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = Of(p.PropertyType, depth + 1);
        return o;
    }

    /// <summary>Every node of <paramref name="root"/> (itself included), with its JSON path.</summary>
    public static IReadOnlyList<JsonNode> Nodes(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            nodes.Add(n);
            if (n is JsonObject o) foreach (var (_, v) in o) Walk(v);
            if (n is JsonArray a) foreach (var v in a) Walk(v);
        }
        Walk(root);
        return nodes;
    }
}
