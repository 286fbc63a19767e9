using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CityTwin.Web.Tests;

/// <summary>An endpoint of the running app as the fuzzer sees it: how to reach it and what it reads.</summary>
public sealed record FuzzEndpoint(string Method, RoutePattern Pattern, IReadOnlyList<string> QueryNames, Type? BodyType)
{
    /// <summary>The SignalR transport answers its own clients in its own protocol, not in problem details.</summary>
    public bool IsSignalR => Pattern.RawText!.StartsWith("/hubs/", StringComparison.Ordinal);

    /// <summary>
    /// The app's own API answers every refusal as problem details; framework pages (OpenAPI
    /// document, dashboard) may answer a 404 their own way, but a 400 from them must still name a field.
    /// </summary>
    public bool IsApi => Pattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) || Pattern.RawText == "/healthz"
        || Pattern.RawText.StartsWith("/ngsi-ld/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Pattern.RawText}";

    /// <summary>Every route endpoint with each of its methods (GET and POST when it names none).</summary>
    public static IReadOnlyList<FuzzEndpoint> All(EndpointDataSource source)
    {
        var all = new List<FuzzEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            var query = method?.GetParameters()
                .Where(p => p.Name is not null && !routeNames.Contains(p.Name) && IsSimple(p.ParameterType))
                .Select(p => p.Name!)
                .ToList() ?? [];
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            all.AddRange(methods.Select(m => new FuzzEndpoint(m, endpoint.RoutePattern, query, body)));
        }
        return all;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid);
    }
}
