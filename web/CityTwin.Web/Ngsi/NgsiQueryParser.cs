using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Reads the query parameters of <c>GET /ngsi-ld/v1/entities</c> into an <see cref="NgsiQuery"/>, or a
/// problem naming the first parameter at fault.
/// </summary>
public static class NgsiQueryParser
{
    public sealed record Parameters(
        string? Type, string? Id, string? IdPattern, string? Attrs, string? Q,
        string? Georel, string? Geometry, string? Coords, string? Geoproperty,
        string? Limit, string? Offset, string? Count, string? Options);

    public static (NgsiQuery? Query, NgsiProblem? Problem) Parse(Parameters p)
    {
        foreach (var (name, value) in new[] { ("type", p.Type), ("id", p.Id), ("idPattern", p.IdPattern), ("attrs", p.Attrs), ("q", p.Q), ("georel", p.Georel), ("geometry", p.Geometry), ("coords", p.Coords), ("geoproperty", p.Geoproperty), ("limit", p.Limit), ("offset", p.Offset), ("count", p.Count), ("options", p.Options) })
        {
            if (value is not null && value.Length > NgsiLd.MaxParameterLength) return (null, NgsiProblem.BadData(name, $"{name} is at most {NgsiLd.MaxParameterLength} characters"));
        }

        HashSet<NgsiType>? types = null;
        if (p.Type is not null)
        {
            if (!TryList(p.Type, out var names)) return (null, NgsiProblem.BadData("type", "type is a comma list of entity type names"));
            types = [];
            // An unknown type is not an error: it has no entities here.
            foreach (var n in names)
                if (NgsiTypes.Find(n) is { } t) types.Add(t);
        }

        HashSet<string>? ids = null;
        if (p.Id is not null)
        {
            if (!TryList(p.Id, out var list) || list.Any(i => !IsUri(i))) return (null, NgsiProblem.BadData("id", "id is a comma list of entity ids (URIs such as urn:ngsi-ld:Streetlight:…)"));
            ids = [.. list];
        }

        Regex? idPattern = null;
        if (p.IdPattern is not null)
        {
            try { idPattern = new Regex(p.IdPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                return (null, NgsiProblem.BadData("idPattern", $"idPattern is not a regular expression this server runs: {e.Message}"));
            }
        }

        List<string>? attrs = null;
        if (p.Attrs is not null)
        {
            if (!TryList(p.Attrs, out var list) || list.Any(a => !IsName(a))) return (null, NgsiProblem.BadData("attrs", "attrs is a comma list of attribute names"));
            attrs = list;
        }

        QExpression? q = null;
        if (p.Q is not null)
        {
            try { q = QExpression.Parse(p.Q); }
            catch (FormatException e) { return (null, NgsiProblem.Invalid("q", $"q: {e.Message}")); }
        }

        var (geo, geoProblem) = GeoQuery.Parse(p.Georel, p.Geometry, p.Coords, p.Geoproperty);
        if (geoProblem is not null) return (null, geoProblem);

        var count = false;
        if (p.Count is not null)
        {
            if (p.Count is not ("true" or "false")) return (null, NgsiProblem.BadData("count", "count is true or false"));
            count = p.Count == "true";
        }

        var keyValues = false;
        if (p.Options is not null)
        {
            if (!TryList(p.Options, out var opts)) return (null, NgsiProblem.BadData("options", "options is a comma list: keyValues, normalized, count"));
            foreach (var o in opts)
            {
                switch (o)
                {
                    case "keyValues" or "simplified": keyValues = true; break;
                    case "normalized": break;
                    case "count": count = true; break;
                    default: return (null, NgsiProblem.BadData("options", $"Unknown option '{InputEcho.Clip(o)}': use keyValues, normalized or count"));
                }
            }
        }

        var limit = NgsiLd.DefaultLimit;
        if (p.Limit is not null && (!int.TryParse(p.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > NgsiLd.MaxLimit))
            return (null, NgsiProblem.BadData("limit", $"limit is a whole number from 1 to {NgsiLd.MaxLimit} (0 with count=true)"));
        if (limit == 0 && !count) return (null, NgsiProblem.BadData("limit", "limit=0 only asks for the count: add count=true"));

        var offset = 0;
        if (p.Offset is not null && (!int.TryParse(p.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > NgsiLd.MaxOffset))
            return (null, NgsiProblem.BadData("offset", $"offset is a whole number from 0 to {NgsiLd.MaxOffset}"));

        return (new NgsiQuery
        {
            Types = types, Ids = ids, IdPattern = idPattern, Attrs = attrs, Q = q, Geo = geo,
            Limit = limit, Offset = offset, Count = count, KeyValues = keyValues,
        }, null);
    }

    /// <summary>Reads <c>options</c> of a single-entity or type request (keyValues or normalized only).</summary>
    public static (bool KeyValues, NgsiProblem? Problem) ParseOptions(string? options)
    {
        if (options is null) return (false, null);
        if (options.Length > NgsiLd.MaxParameterLength || !TryList(options, out var opts)) return (false, NgsiProblem.BadData("options", "options is a comma list: keyValues, normalized"));
        var keyValues = false;
        foreach (var o in opts)
        {
            if (o is "keyValues" or "simplified") keyValues = true;
            else if (o is not ("normalized" or "sysAttrs")) return (false, NgsiProblem.BadData("options", $"Unknown option '{InputEcho.Clip(o)}': use keyValues or normalized"));
        }
        return (keyValues, null);
    }

    public static (IReadOnlyList<string>? Attrs, NgsiProblem? Problem) ParseAttrs(string? attrs)
    {
        if (attrs is null) return (null, null);
        if (attrs.Length > NgsiLd.MaxParameterLength || !TryList(attrs, out var list) || list.Any(a => !IsName(a)))
            return (null, NgsiProblem.BadData("attrs", "attrs is a comma list of attribute names"));
        return (list, null);
    }

    public static bool IsUri(string id) =>
        id.Length is > 0 and <= 256 && id.IndexOf(':') > 0 && id.All(c => c > ' ' && c < 127 && c is not ('<' or '>' or '"' or '\\' or '^' or '`' or '{' or '|' or '}'));

    private static bool IsName(string s) => s.Length is > 0 and <= 256 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '/' or '.' or '#' or '-');

    private static bool TryList(string text, out List<string> items)
    {
        items = [.. text.Split(',')];
        return items.Count is > 0 and <= 100 && items.All(i => i.Length > 0 && i.Trim() == i);
    }

}
