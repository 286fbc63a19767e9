using System.Globalization;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The twin read through NGSI-LD (ETSI GS CIM 009) with FIWARE Smart Data Models: entity queries,
/// one entity, the types and the served JSON-LD context. Read-only and public like the rest of the
/// read API (alarms are public there too, so Alert is here).
/// </summary>
public static class NgsiEndpoints
{
    public static void MapNgsiLdEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(NgsiLd.Prefix).WithTags("NGSI-LD");

        api.MapGet("/entities", async (HttpContext http, NgsiEntities entities, ILogger<NgsiEntities> logger,
            string? type, string? id, string? idPattern, string? attrs, string? q, string? georel, string? geometry, string? coords,
            string? geoproperty, string? limit, string? offset, string? count, string? options) =>
        {
            if (NgsiResponses.Negotiate(http.Request) is not { } media) return NgsiResponses.NotAcceptable(http, logger);
            var (query, problem) = NgsiQueryParser.Parse(new(type, id, idPattern, attrs, q, georel, geometry, coords, geoproperty, limit, offset, count, options));
            if (query is null) return NgsiResponses.Problem(http, problem!, logger);
            var page = await entities.QueryAsync(query);
            if (query.Count) http.Response.Headers[NgsiLd.ResultsCountHeader] = page.Total.ToString(CultureInfo.InvariantCulture);
            return NgsiResponses.Json(http, media, (w, context) =>
            {
                w.WriteStartArray();
                foreach (var e in page.Items) NgsiWriter.WriteEntity(w, e, query.Attrs, query.KeyValues, context);
                w.WriteEndArray();
            });
        }).WithSummary($"Entities as Smart Data Models: type (comma list), id, idPattern, attrs, q, georel/geometry/coords, limit (≤ {NgsiLd.MaxLimit}), offset, count, options=keyValues");

        api.MapGet("/entities/{entityId}", async (string entityId, HttpContext http, NgsiEntities entities, ILogger<NgsiEntities> logger, string? attrs, string? options) =>
        {
            if (NgsiResponses.Negotiate(http.Request) is not { } media) return NgsiResponses.NotAcceptable(http, logger);
            if (!NgsiQueryParser.IsUri(entityId)) return NgsiResponses.Problem(http, NgsiProblem.BadData("entityId", "An entity id is a URI such as urn:ngsi-ld:Streetlight:…"), logger);
            var (attrList, attrsProblem) = NgsiQueryParser.ParseAttrs(attrs);
            if (attrsProblem is not null) return NgsiResponses.Problem(http, attrsProblem, logger);
            var (keyValues, optionsProblem) = NgsiQueryParser.ParseOptions(options);
            if (optionsProblem is not null) return NgsiResponses.Problem(http, optionsProblem, logger);
            if (await entities.FindAsync(entityId) is not { } entity)
                return NgsiResponses.Problem(http, NgsiProblem.NotFound("entityId", $"No entity has id '{(entityId.Length > 80 ? entityId[..80] + "…" : entityId)}'"), logger);
            return NgsiResponses.Json(http, media, (w, context) => NgsiWriter.WriteEntity(w, entity, attrList, keyValues, context));
        }).WithSummary("One entity by its URN (urn:ngsi-ld:{type}:{id}), optionally only some attributes or as keyValues");

        api.MapGet("/types", async (HttpContext http, NgsiEntities entities, ILogger<NgsiEntities> logger, string? details) =>
        {
            if (NgsiResponses.Negotiate(http.Request) is not { } media) return NgsiResponses.NotAcceptable(http, logger);
            if (details is not (null or "true" or "false")) return NgsiResponses.Problem(http, NgsiProblem.BadData("details", "details is true or false"), logger);
            var described = details == "true" ? await Task.WhenAll(NgsiTypes.All.Select(t => DescribeAsync(entities, t))) : null;
            return NgsiResponses.Json(http, media, (w, context) => NgsiTypeWriter.WriteTypes(w, described, context));
        }).WithSummary("The entity types served (details=true: with their attribute names)");

        api.MapGet("/types/{typeName}", async (string typeName, HttpContext http, NgsiEntities entities, ILogger<NgsiEntities> logger) =>
        {
            if (NgsiResponses.Negotiate(http.Request) is not { } media) return NgsiResponses.NotAcceptable(http, logger);
            if (NgsiTypes.Find(typeName) is not { } type)
                return NgsiResponses.Problem(http, NgsiProblem.NotFound("typeName", $"No entity type '{(typeName.Length > 80 ? typeName[..80] + "…" : typeName)}' here; see {NgsiLd.Prefix}/types"), logger);
            var info = await DescribeAsync(entities, type);
            var count = await entities.CountAsync(type);
            return NgsiResponses.Json(http, media, (w, context) => NgsiTypeWriter.WriteTypeInfo(w, info, count, context));
        }).WithSummary("One entity type: how many entities it has and their attributes");

        api.MapGet("/jsonldContexts", (HttpContext http) =>
            TypedResults.Ok(new[] { NgsiResponses.BaseUrl(http.Request) + NgsiLd.ContextPath }))
            .WithSummary("The JSON-LD contexts this twin serves");

        api.MapGet("/jsonldContexts/{contextId}", (string contextId, HttpContext http, ILogger<NgsiEntities> logger) =>
            contextId == NgsiLd.ContextId
                ? TypedResults.Text(NgsiContext.Document().ToJsonString(), NgsiLd.JsonLd)
                : NgsiResponses.Problem(http, NgsiProblem.NotFound("contextId", $"The context served here is '{NgsiLd.ContextId}'"), logger))
            .WithSummary("The twin's JSON-LD context: the NGSI-LD core terms it uses and the Smart Data Models terms (works offline)");
    }

    /// <summary>A type with the attribute names its entities carry now (those of one entity; the type's terms when it has none).</summary>
    private static async Task<(NgsiType Type, IReadOnlyList<NgsiAttribute> Attributes)> DescribeAsync(NgsiEntities entities, NgsiType type)
    {
        var sample = (await entities.QueryAsync(new NgsiQuery { Types = new HashSet<NgsiType> { type }, Limit = 1 })).Items.FirstOrDefault();
        IReadOnlyList<NgsiAttribute> attributes = sample is not null
            ? [.. sample.Attributes]
            : [.. type.Terms.Select(t => NgsiAttribute.Property(t, ""))];
        return (type, attributes);
    }
}
