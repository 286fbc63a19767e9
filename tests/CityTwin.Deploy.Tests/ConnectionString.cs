namespace CityTwin.Deploy.Tests;

/// <summary>Splits an ADO.NET (Npgsql) connection string into its keywords.</summary>
public static class ConnectionString
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            Assert.True(equals > 0, $"connection string part '{pair}' is not key=value");
            parts[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return parts;
    }

    /// <summary>A keyword's value under any of Npgsql's synonyms.</summary>
    public static string Get(IReadOnlyDictionary<string, string> parts, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (parts.TryGetValue(key, out var value)) return value;
        }
        throw new Xunit.Sdk.XunitException($"connection string has none of {string.Join(", ", keys)}");
    }
}
