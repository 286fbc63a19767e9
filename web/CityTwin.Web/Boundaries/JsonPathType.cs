using System.Reflection;
using System.Text.RegularExpressions;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// The .NET type a JSON path of a request body lands on (<c>$.interventions[1].parameters.sharePercent</c>
/// of a scenario request is a double), so a refusal can say what the caller should have sent there.
/// </summary>
public static partial class JsonPathType
{
    public static Type? Resolve(Type root, string path)
    {
        Type? type = root;
        foreach (Match step in StepPattern().Matches(path))
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (step.Groups["index"].Success) type = ElementOf(type);
            else
            {
                var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);
                type = DictionaryValueOf(type)
                    ?? type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }
        }
        return type;
    }

    /// <summary>What a type asks of the caller, in the words of the JSON a client writes.</summary>
    public static string Describe(Type? type)
    {
        if (type is null) return "a value of another type";
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return "a finite number";
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong)) return "a whole number";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(string)) return "a string";
        if (t == typeof(DateOnly)) return "a date as yyyy-MM-dd";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "an ISO 8601 date and time";
        if (t.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(t))}";
        if (DictionaryValueOf(t) is { } value) return $"an object of {Plural(Describe(value))}";
        if (ElementOf(t) is { } element) return $"an array of {Plural(Describe(element))}";
        return "an object";
    }

    private static string Plural(string description) => description switch
    {
        "a finite number" => "numbers",
        "a whole number" => "whole numbers",
        "a string" => "strings",
        "an object" => "objects",
        var d when d.StartsWith("an array", StringComparison.Ordinal) => "arrays" + d["an array".Length..],
        var d => d,
    };

    private static Type? DictionaryValueOf(Type t) =>
        t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    private static Type? ElementOf(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        return t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex StepPattern();
}
