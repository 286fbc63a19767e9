using System.Net;
using System.Text.RegularExpressions;

namespace CityTwin.Web.Tests;

/// <summary>
/// What a browser does in a sign-in, over HTTP: keeps cookies, follows redirects one by one (so a
/// test sees every hop) and submits an auto-posting form (response_mode=form_post) as a page would.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private const int MaxHops = 12;
    private readonly HttpClient _client;

    public Browser(Uri app)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true }) { BaseAddress = app };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The client with this browser's cookies, for API calls made from "the page".</summary>
    public HttpClient Http => _client;

    /// <summary>Every address visited from <paramref name="start"/> until a page answers without redirecting.</summary>
    public async Task<IReadOnlyList<Uri>> NavigateAsync(string start)
    {
        var hops = new List<Uri>();
        var url = new Uri(_client.BaseAddress!, start);
        HttpContent? form = null;
        while (hops.Count < MaxHops)
        {
            hops.Add(url);
            using var response = form is null ? await _client.GetAsync(url) : await _client.PostAsync(url, form);
            form = null;
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                url = new Uri(url, response.Headers.Location ?? throw new InvalidOperationException($"{url} redirected nowhere"));
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && AutoPostForm().Match(body) is { Success: true } post)
            {
                url = new Uri(url, WebUtility.HtmlDecode(post.Groups["action"].Value));
                form = new FormUrlEncodedContent(HiddenInput().Matches(post.Value)
                    .Select(i => KeyValuePair.Create(WebUtility.HtmlDecode(i.Groups["name"].Value), WebUtility.HtmlDecode(i.Groups["value"].Value))));
                continue;
            }
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{url} answered {(int)response.StatusCode}: {body}");
            return hops;
        }
        throw new InvalidOperationException($"More than {MaxHops} hops: {string.Join(" → ", hops)}");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("""<form[^>]*method="post"[^>]*action="(?<action>[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex AutoPostForm();

    [GeneratedRegex("""<input[^>]*name="(?<name>[^"]*)"[^>]*value="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
