using System.Text.Json.Nodes;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The JSON-LD context this twin serves at <see cref="NgsiLd.ContextPath"/>: the NGSI-LD core terms its
/// answers use (a local copy of what it needs from the ETSI core context, so an offline client can expand
/// every term without the internet), the Smart Data Models terms, each model's own terms scoped to its
/// type (JSON-LD 1.1), and the twin's extra attributes in its own vocabulary.
/// </summary>
public static class NgsiContext
{
    private const string Core = "https://uri.etsi.org/ngsi-ld/";
    private const string Sdm = "https://smartdatamodels.org/";

    public static JsonObject Document()
    {
        var c = new JsonObject
        {
            ["@version"] = 1.1,
            ["ngsi-ld"] = Core,
            ["geojson"] = "https://purl.org/geojson/vocab#",
            ["id"] = "@id",
            ["type"] = "@type",
            ["Property"] = "ngsi-ld:Property",
            ["GeoProperty"] = "ngsi-ld:GeoProperty",
            ["Relationship"] = "ngsi-ld:Relationship",
            ["DateTime"] = "ngsi-ld:DateTime",
            ["value"] = "ngsi-ld:hasValue",
            ["object"] = new JsonObject { ["@id"] = "ngsi-ld:hasObject", ["@type"] = "@id" },
            ["observedAt"] = new JsonObject { ["@id"] = "ngsi-ld:observedAt", ["@type"] = "DateTime" },
            ["unitCode"] = "ngsi-ld:unitCode",
            [NgsiTypes.Location] = "ngsi-ld:location",
            ["Point"] = "geojson:Point",
            ["LineString"] = "geojson:LineString",
            ["Polygon"] = "geojson:Polygon",
            ["MultiPolygon"] = "geojson:MultiPolygon",
            ["coordinates"] = new JsonObject { ["@container"] = "@list", ["@id"] = "geojson:coordinates" },
            ["EntityTypeList"] = "ngsi-ld:EntityTypeList",
            ["EntityType"] = "ngsi-ld:EntityType",
            ["EntityTypeInfo"] = "ngsi-ld:EntityTypeInfo",
            ["Attribute"] = "ngsi-ld:Attribute",
            ["typeList"] = new JsonObject { ["@id"] = "ngsi-ld:typeList", ["@type"] = "@vocab" },
            ["typeName"] = new JsonObject { ["@id"] = "ngsi-ld:typeName", ["@type"] = "@vocab" },
            ["attributeNames"] = new JsonObject { ["@id"] = "ngsi-ld:attributeNames", ["@type"] = "@vocab" },
            ["attributeName"] = new JsonObject { ["@id"] = "ngsi-ld:attributeName", ["@type"] = "@vocab" },
            ["attributeTypes"] = new JsonObject { ["@id"] = "ngsi-ld:attributeTypes", ["@type"] = "@vocab" },
            ["attributeDetails"] = "ngsi-ld:attributeDetails",
            ["entityCount"] = "ngsi-ld:entityCount",
            ["@vocab"] = Core + "default-context/",
        };
        foreach (var term in NgsiTypes.CommonTerms) c[term] = Sdm + term;
        foreach (var term in NgsiTypes.TwinTerms) c[term] = NgsiTypes.TwinVocabulary + term;
        foreach (var type in NgsiTypes.All)
        {
            var scoped = new JsonObject();
            foreach (var term in type.Terms) scoped[term] = $"{Sdm}{type.Model}/{term}";
            c[type.Name] = new JsonObject { ["@id"] = type.Iri, ["@context"] = scoped };
        }
        return new JsonObject { ["@context"] = c };
    }

    /// <summary>The <c>@context</c> of an answer in JSON-LD: this twin's context, then the core context (last, as the spec asks).</summary>
    public static string[] For(string baseUrl) => [baseUrl + NgsiLd.ContextPath, NgsiLd.CoreContextUrl];

    /// <summary>The Link header of an answer in plain JSON.</summary>
    public static string LinkHeader(string baseUrl) =>
        $"<{baseUrl}{NgsiLd.ContextPath}>; rel=\"{NgsiLd.LinkRel}\"; type=\"{NgsiLd.JsonLd}\"";
}
