namespace CityTwin.Deploy.Tests;

/// <summary>Ports of an ASP.NET Core <c>Urls</c> value ("http://0.0.0.0:5080;http://+:5081").</summary>
public static class UrlsPort
{
    public static IReadOnlyList<int> All(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(One)
            .ToList();

    public static int First(string urls) => All(urls)[0];

    private static int One(string url)
    {
        // Uri cannot parse the wildcard hosts ASP.NET Core accepts ("+", "*").
        var normal = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(normal, UriKind.Absolute, out var uri), $"'{url}' is not a URL");
        Assert.False(uri.IsDefaultPort && !normal.Contains(":" + uri.Port, StringComparison.Ordinal), $"'{url}' names no port");
        return uri.Port;
    }
}
