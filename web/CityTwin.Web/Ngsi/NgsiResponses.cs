using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Content negotiation and answers of the NGSI-LD API: JSON-LD with <c>@context</c> in the body, or
/// plain JSON with the context in a Link header; refusals as problem details of the NGSI-LD error types.
/// </summary>
public static class NgsiResponses
{
    /// <summary>The media type to answer in, or null when the client accepts neither JSON nor JSON-LD.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString())) return NgsiLd.Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types)) return NgsiLd.Json;
        var wanted = types.Where(t => t.Quality is not 0).ToList();
        if (wanted.Any(t => t.MediaType.Equals(NgsiLd.JsonLd, StringComparison.OrdinalIgnoreCase))) return NgsiLd.JsonLd;
        if (wanted.Any(t => t.MediaType.Equals(NgsiLd.Json, StringComparison.OrdinalIgnoreCase) || t.MediaType.Equals("*/*", StringComparison.Ordinal) || t.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)))
            return NgsiLd.Json;
        return null;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Writes the body with <paramref name="write"/>; a JSON answer gets the Link header, a JSON-LD one passes the context to the writer.</summary>
    public static IResult Json(HttpContext http, string mediaType, Action<Utf8JsonWriter, string[]?> write)
    {
        var baseUrl = BaseUrl(http.Request);
        string[]? context = null;
        if (mediaType == NgsiLd.JsonLd) context = NgsiContext.For(baseUrl);
        else http.Response.Headers.Append(HeaderNames.Link, NgsiContext.LinkHeader(baseUrl));
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) write(w, context);
        return TypedResults.Bytes(stream.ToArray(), mediaType);
    }

    public static IResult Problem(HttpContext http, NgsiProblem problem, ILogger logger)
    {
        logger.LogWarning("Refused {Method} {Path}: {Parameter}: {Detail}", http.Request.Method, http.Request.Path.Value, problem.Parameter, problem.Detail);
        var details = new ProblemDetails { Type = problem.Type, Title = problem.Title, Status = problem.Status, Detail = problem.Detail };
        details.Extensions["errors"] = new Dictionary<string, string[]> { [problem.Parameter] = [problem.Detail] };
        return TypedResults.Problem(details);
    }

    public static IResult NotAcceptable(HttpContext http, ILogger logger) =>
        Problem(http, new NgsiProblem(NgsiLd.NotAcceptable, 406, "Accept", $"Answers are {NgsiLd.Json} (context in the Link header) or {NgsiLd.JsonLd}"), logger);
}
