namespace CityTwin.Browser.Tests;

/// <summary>One app and one browser for all browser tests (starting them is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
