using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CityTwin.Web.Tests;

/// <summary>
/// Generators of malformed requests for any endpoint: wrong-typed and boundary query and route
/// values, JSON bodies of the right shape with one property path broken, and bodies that are not
/// JSON at all or arrive under the wrong content type.
/// </summary>
public static class FuzzInputs
{
    /// <summary>Values a client can put in a query string or path segment where a number, code or id belongs.</summary>
    public static readonly string[] BadValues =
    [
        "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "-0", "1.5", "-1", "0", "2147483648", "-2147483649",
        "99999999999999999999999999", "0x10", " 1", "1 ", "", " ", "null", "true", "[]", "{}", "[1,2]",
        "서울🙂", "\u0000", "\uFFFF", "%", "../../etc/passwd", "1,2,3,4", "a,b,c,d", "-200,0,10,10", new string('9', 400),
        new string('a', 5000), "<script>", "' OR 1=1 --",
    ];

    /// <summary>What replaces one property of a valid body, as raw JSON (some of it deliberately not JSON).</summary>
    public static readonly string[] BadJson =
    [
        "\"x\"", "\"\"", "\"" + new string('a', 5000) + "\"", "\"서울🙂\\u0000\"", "1.5", "-0", "1e309", "-1e309", "NaN", "Infinity",
        "\"NaN\"", "\"Infinity\"", "123456789012345678901234567890", "2147483648", "-1", "0", "true", "false", "null", "{}", "[]",
        "[null]", "[\"x\"]", "[[1,2],[3]]", "{\"x\":{\"y\":[1,{}]}}", "\"2026-13-45\"", "\"not-a-date\"", "\"2026-07-15T25:99:00\"",
        Nest(70), Nest(5000), "[" + string.Join(',', Enumerable.Repeat("0", 40_000)) + "]",
        "{" + string.Join(',', Enumerable.Range(0, 2000).Select(i => $"\"k{i}\":{i}")) + "}",
        "{", "]", "\"unterminated", "01", "+1", ".5", "1.", "tru", "{\"a\":1,}",
    ];

    /// <summary>Whole bodies that are not a JSON object of the expected type.</summary>
    public static readonly byte[][] BadBodies =
    [
        [], "{"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "123"u8.ToArray(), "\"s\""u8.ToArray(), "garbage"u8.ToArray(),
        "<a/>"u8.ToArray(), "{\"a\":1,}"u8.ToArray(), [0xff, 0xfe, 0x00, 0x7b], "{}"u8.ToArray(), "a=1&b=2"u8.ToArray(),
        Encoding.UTF8.GetBytes(Nest(3000)), Encoding.Unicode.GetBytes("{\"speed\":5}"),
    ];

    public static readonly string?[] ContentTypes =
    [
        "application/json", "text/plain", "application/xml", null, "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/merge-patch+json", "*/*", "garbage",
    ];

    /// <summary>Plausible values for the route and query values an endpoint names, so one broken value is the only fault.</summary>
    private static readonly Dictionary<string, string> Plausible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "28185", ["area"] = "28185", ["layer"] = "buildings", ["name"] = "boundaries",
        ["z"] = "14", ["x"] = "13969", ["y"] = "6344", ["bbox"] = "126.6,37.4,126.7,37.5", ["limit"] = "10", ["kind"] = "streetlight",
        ["state"] = "open", ["severity"] = "critical", ["service"] = "traffic",
        ["from"] = "2026-12-01T00:00:00+09:00", ["to"] = "2026-12-01T06:00:00+09:00", ["step"] = "15m", ["format"] = "csv", ["t"] = "2026-12-01T03:00:00+09:00",
        ["indicatorId"] = "pm25",
        ["type"] = "Streetlight", ["georel"] = "near;maxDistance==1000", ["geometry"] = "Point", ["coords"] = "[126.65,37.45]",
        ["attrs"] = "status", ["options"] = "keyValues", ["offset"] = "0", ["count"] = "true", ["idPattern"] = "^urn:ngsi-ld:Streetlight:",
        ["geoproperty"] = "location", ["entityId"] = "urn:ngsi-ld:Streetlight:streetlight-2818563000-001", ["typeName"] = "Streetlight",
        ["contextId"] = "citytwin", ["details"] = "true",
    };

    /// <summary>
    /// A query or route value: a hand-picked boundary value, any double or long as a client might
    /// format it (NaN, infinities, -0, subnormals included), or a string of number-like and odd characters.
    /// </summary>
    private static readonly Gen<string> Value = Gen.Frequency(
        (3, (IGen<string>)Gen.Int[0, BadValues.Length - 1].Select(i => BadValues[i])),
        (1, Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.String[Gen.Char["0123456789.,-+eE NaIfinty[]{}\"'%/\\_~:;&=?#서울\t"], 0, 40]));

    public static Gen<FuzzCase> For(IReadOnlyList<FuzzEndpoint> endpoints) =>
        Gen.Int[0, endpoints.Count - 1].SelectMany(i =>
        {
            var e = endpoints[i];
            if (FuzzForms.ReadsForm(e)) return Gen.Frequency((3, (IGen<FuzzCase>)FuzzForms.For(e, Value)), (1, WholeBodyFault(e)));
            var valueFaults = ValueFault(e);
            var bodyFaults = Gen.Frequency((3, (IGen<FuzzCase>)BodyFault(e)), (1, WholeBodyFault(e)));
            return e.BodyType is null && e.Method is "GET" or "HEAD"
                ? valueFaults
                : e.BodyType is null ? Gen.Frequency((2, (IGen<FuzzCase>)valueFaults), (1, WholeBodyFault(e))) : Gen.Frequency((1, (IGen<FuzzCase>)valueFaults), (4, bodyFaults));
        });

    private static Gen<FuzzCase> ValueFault(FuzzEndpoint e)
    {
        var names = e.Pattern.Parameters.Select(p => p.Name).Concat(e.QueryNames).DefaultIfEmpty("q").ToArray();
        return Gen.Select(Gen.Int[0, names.Length - 1], Value, (n, bad) =>
        {
            var values = names.ToDictionary(x => x, x => PlausibleFor(e, x), StringComparer.OrdinalIgnoreCase);
            values[names[n]] = bad;
            var body = e.BodyType is null ? null : Encoding.UTF8.GetBytes(JsonSample.Of(e.BodyType)!.ToJsonString());
            return new FuzzCase(e, e.Method, Url(e, values), body, body is null ? null : "application/json", $"{names[n]} = '{Clip(bad)}'");
        });
    }

    private static Gen<FuzzCase> BodyFault(FuzzEndpoint e)
    {
        var count = e.BodyType is null ? 1 : JsonSample.Nodes(JsonSample.Of(e.BodyType)!).Count;
        // The last "replacement" removes the property instead.
        return Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, BadJson.Length], (n, m) =>
        {
            var root = e.BodyType is null ? new JsonObject() : JsonSample.Of(e.BodyType)!;
            var target = JsonSample.Nodes(root)[n];
            var path = target.GetPath();
            string text;
            if (m == BadJson.Length)
            {
                if (target.Parent is JsonObject o) o.Remove(target.GetPropertyName());
                else if (target.Parent is JsonArray a) a.RemoveAt(target.GetElementIndex());
                text = root.ToJsonString();
                return new FuzzCase(e, e.Method, Url(e, Defaults(e)), Encoding.UTF8.GetBytes(text), "application/json", $"{path} removed");
            }
            const string placeholder = "@@BAD@@";
            if (target.Parent is JsonObject parent) parent[target.GetPropertyName()] = placeholder;
            else if (target.Parent is JsonArray array) array[target.GetElementIndex()] = placeholder;
            else root = placeholder;
            text = root.ToJsonString().Replace($"\"{placeholder}\"", BadJson[m], StringComparison.Ordinal);
            return new FuzzCase(e, e.Method, Url(e, Defaults(e)), Encoding.UTF8.GetBytes(text), "application/json", $"{path} = {Clip(BadJson[m])}");
        });
    }

    private static Gen<FuzzCase> WholeBodyFault(FuzzEndpoint e) =>
        Gen.Select(Gen.Int[0, BadBodies.Length - 1], Gen.Int[0, ContentTypes.Length - 1], (b, c) =>
        {
            // A well-formed body under a wrong content type, or a broken body under any.
            var body = b == BadBodies.Length - 1 && e.BodyType is not null ? Encoding.UTF8.GetBytes(JsonSample.Of(e.BodyType)!.ToJsonString()) : BadBodies[b];
            return new FuzzCase(e, e.Method, Url(e, Defaults(e)), body, ContentTypes[c], $"body #{b} as {ContentTypes[c] ?? "nothing"}");
        });

    private static Dictionary<string, string> Defaults(FuzzEndpoint e) =>
        e.Pattern.Parameters.Select(p => p.Name).Concat(e.QueryNames)
            .ToDictionary(x => x, x => PlausibleFor(e, x), StringComparer.OrdinalIgnoreCase);

    private static string Url(FuzzEndpoint e, IReadOnlyDictionary<string, string> values)
    {
        var path = new StringBuilder();
        foreach (var segment in e.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart s => s.Content,
                    // Kestrel refuses a NUL in the path before any app code runs (and the test server throws on it).
                    RoutePatternParameterPart p => Uri.EscapeDataString(values.GetValueOrDefault(p.Name, "x").Replace("\0", "", StringComparison.Ordinal)),
                    _ => "",
                });
            }
        }
        var routeNames = e.Pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = values.Where(v => !routeNames.Contains(v.Key)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}").ToList();
        return query.Count == 0 ? path.ToString() : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>A plausible value; NGSI-LD's <c>id</c> query is a list of URIs where other endpoints' ids are plain.</summary>
    private static string PlausibleFor(FuzzEndpoint e, string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase) && e.Pattern.RawText!.StartsWith("/ngsi-ld/", StringComparison.Ordinal)
            ? "urn:ngsi-ld:Streetlight:streetlight-2818563000-001"
            : Plausible.GetValueOrDefault(name, "x");

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    private static string Clip(string s) => s.Length > 40 ? s[..40] + $"…({s.Length})" : s;
}
