using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityTwin.Web.Boundaries;

/// <summary>
/// What a request-binding failure means to the caller: the field it concerns (a query or route
/// name, a JSON path such as <c>interventions[1].parameters.sharePercent</c>, or <c>body</c>) and
/// what was expected there, without the server's type names.
/// </summary>
public sealed partial record BindingError(string Field, string Message)
{
    /// <param name="bodyType">The type the endpoint reads its body as, to say what a JSON path should hold.</param>
    public static BindingError From(BadHttpRequestException exception, Type? bodyType)
    {
        if (Find<JsonException>(exception) is { } json) return FromJson(json, bodyType);
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new(BoundaryProblems.Body, "The body is larger than this endpoint accepts");
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new(BoundaryProblems.Body, "Send the body as JSON with Content-Type: application/json");

        // The framework names the parameter as "Type name" in its messages, e.g.
        // Failed to bind parameter "int? limit" from "1.5".
        var match = ParameterPattern().Match(exception.Message);
        if (!match.Success) return new(BoundaryProblems.Body, "The request could not be read");
        var (type, name) = (match.Groups["type"].Value, match.Groups["name"].Value);
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return new(BoundaryProblems.Body, "A JSON body is required");
        var value = ValuePattern().Match(exception.Message) is { Success: true } v ? $"'{InputEcho.Clip(v.Groups["value"].Value)}' " : "";
        return exception.Message.StartsWith("Required", StringComparison.Ordinal)
            ? new(name, $"{name} is required")
            : new(name, $"The value {value}is not valid for {name}: expected {Expected(type)}");
    }

    private static BindingError FromJson(JsonException json, Type? bodyType)
    {
        var field = json.Path switch
        {
            null or "" or "$" => BoundaryProblems.Body,
            var p when p.StartsWith("$.", StringComparison.Ordinal) => p[2..],
            var p when p.StartsWith('$') => p[1..],
            var p => p,
        };
        // The reader's message names a server type (often the whole body's): describe the path's own type instead.
        if (json.Message.Contains("could not be converted", StringComparison.Ordinal) || json.Message.StartsWith("Cannot get the value", StringComparison.Ordinal))
            return new(field, $"Expected {JsonPathType.Describe(bodyType is null ? null : JsonPathType.Resolve(bodyType, json.Path ?? "$"))}");
        // A syntax error: keep the reader's own words (position included), which name no server type.
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return new(field, $"The body is not valid JSON: {(cut > 0 ? message[..cut] : message)}");
    }

    /// <summary>What a type asks of the caller, in the words of the JSON a client writes.</summary>
    private static string Expected(string type)
    {
        var t = type.Replace("System.", "", StringComparison.Ordinal);
        if (t.Contains("Dictionary", StringComparison.Ordinal)) return "an object of numbers";
        if (t.Contains("List", StringComparison.Ordinal) || t.Contains("[]", StringComparison.Ordinal) || t.Contains("Enumerable", StringComparison.Ordinal))
            return "an array";
        if (t.Contains("Double", StringComparison.OrdinalIgnoreCase) || t.Contains("Single", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("double", StringComparison.Ordinal) || t.StartsWith("float", StringComparison.Ordinal))
            return "a finite number";
        if (t.Contains("Int", StringComparison.OrdinalIgnoreCase) || t.StartsWith("long", StringComparison.Ordinal)) return "a whole number";
        if (t.Contains("Bool", StringComparison.OrdinalIgnoreCase)) return "true or false";
        if (t.Contains("DateOnly", StringComparison.Ordinal)) return "a date as yyyy-MM-dd";
        if (t.Contains("DateTime", StringComparison.Ordinal)) return "an ISO 8601 date and time";
        if (t.Contains("String", StringComparison.OrdinalIgnoreCase)) return "a string";
        return "an object";
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }


    [GeneratedRegex("parameter \"(?<type>[^\"]*) (?<name>[^ \"]+)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("from \"(?<value>[^\"]*)\"")]
    private static partial Regex ValuePattern();
}
