namespace CityTwin.Web.Ngsi;

/// <summary>
/// Fixed names of the NGSI-LD API (ETSI GS CIM 009): media types, the context this twin serves,
/// the ETSI core context it names, error types and the bounds of a query.
/// </summary>
public static class NgsiLd
{
    public const string Prefix = "/ngsi-ld/v1";
    public const string JsonLd = "application/ld+json";
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";

    /// <summary>The ETSI core context, named last in every <c>@context</c> as the spec asks; nothing here fetches it.</summary>
    public const string CoreContextUrl = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";

    /// <summary>Where this twin serves its own context (core terms it uses and the Smart Data Models terms).</summary>
    public const string ContextId = "citytwin";
    public const string ContextPath = Prefix + "/jsonldContexts/" + ContextId;

    public const string LinkRel = "http://www.w3.org/ns/json-ld#context";
    public const string ResultsCountHeader = "NGSILD-Results-Count";

    public const string ErrorBase = "https://uri.etsi.org/ngsi-ld/errors/";
    public const string BadRequestData = ErrorBase + "BadRequestData";
    public const string InvalidRequest = ErrorBase + "InvalidRequest";
    public const string ResourceNotFound = ErrorBase + "ResourceNotFound";
    public const string NotAcceptable = ErrorBase + "NotAcceptable";

    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;
    public const int MaxOffset = 1_000_000;

    /// <summary>Longest accepted query value (q, coords, idPattern…): a real query is far shorter.</summary>
    public const int MaxParameterLength = 4000;

    /// <summary>The widest <c>near</c> a query may ask for (metres): wider asks the whole city, which paging does better.</summary>
    public const double MaxNearDistanceMetres = 50_000;

    /// <summary>Vertices a query geometry may have.</summary>
    public const int MaxGeometryPositions = 500;

    /// <summary>The prefix of every entity id: <c>urn:ngsi-ld:{type}:{local id}</c>.</summary>
    public static string Urn(string type, string localId) => $"urn:ngsi-ld:{type}:{localId}";
}
