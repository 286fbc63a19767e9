namespace CityTwin.Model.Specs;

/// <summary>Static, kind-specific facts about an asset that the models need. Never changes at run time.</summary>
public abstract record AssetSpec
{
    /// <summary>Facts for the inspector, as display strings keyed by lower-camel-case name.</summary>
    public abstract IReadOnlyDictionary<string, string> Describe();
}
