using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>Reads the NGSI-LD API of a test host: JSON arrays of entities, the count header, refusals.</summary>
public static class NgsiClient
{
    public const string Prefix = "/ngsi-ld/v1";

    public static async Task<JsonElement[]> EntitiesAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Prefix}/entities?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    public static async Task<int> CountAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Prefix}/entities?{query}&count=true&limit=0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(response.Headers.GetValues("NGSILD-Results-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<string> Ids(this IEnumerable<JsonElement> entities) => entities.Select(e => e.GetProperty("id").GetString()!);

    /// <summary>The value of an attribute in either form (normalized: its <c>value</c>).</summary>
    public static JsonElement Value(this JsonElement entity, string name)
    {
        var a = entity.GetProperty(name);
        return a.ValueKind == JsonValueKind.Object && a.TryGetProperty("value", out var v) ? v : a;
    }

    /// <summary>Metres between two WGS84 points on a sphere (haversine), independent of the server's plane.</summary>
    public static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
