using System.Text;

namespace CityTwin.Web.Tests;

/// <summary>One generated request: enough to replay it by hand when it fails.</summary>
public sealed record FuzzCase(FuzzEndpoint Endpoint, string Method, string Url, byte[]? Body, string? ContentType, string What)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)) + (Body.Length > 160 ? $"… ({Body.Length} bytes)" : "");
        var url = Url.Length > 160 ? Url[..160] + "…" : Url;
        return $"[{Endpoint}] {What}: {Method} {url} ({ContentType ?? "no content type"}) {body}";
    }
}
