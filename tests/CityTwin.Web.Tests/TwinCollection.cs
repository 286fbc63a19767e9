namespace CityTwin.Web.Tests;

[CollectionDefinition(Name)]
public sealed class TwinCollection : ICollectionFixture<TwinAppFactory>
{
    public const string Name = "twin";
}
