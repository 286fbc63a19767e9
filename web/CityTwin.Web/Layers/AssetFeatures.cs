using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using NetTopologySuite.Features;

namespace CityTwin.Web.Layers;

/// <summary>
/// Which map layer an asset belongs to and which properties it carries there. Shared by the GeoJSON
/// layers and the vector tiles so both kinds of client see the same features.
/// </summary>
public static class AssetFeatures
{
    /// <summary>The asset layers, in the order the map stacks them.</summary>
    public static readonly IReadOnlyList<string> LayerNames = ["buildings", "roads", "assets"];

    public static string LayerOf(AssetKind kind) => kind switch
    {
        AssetKind.Building => "buildings",
        AssetKind.RoadSegment => "roads",
        _ => "assets",
    };

    /// <summary>
    /// Tile properties: the same names and value types as the GeoJSON layers (the id is a property
    /// because MVT feature ids must be integers; MapLibre promotes it with promoteId).
    /// </summary>
    public static AttributesTable Attributes(AssetDescriptor a)
    {
        var t = new AttributesTable
        {
            { "id", a.Id },
            { "kind", AssetKinds.Of(a.Kind).WireName },
        };
        if (a.Name is not null) t.Add("name", a.Name);
        switch (a.Spec)
        {
            case BuildingSpec b:
                t.Add("heightM", b.HeightM);
                break;
            case RoadSpec r when a.Kind == AssetKind.RoadSegment:
                t.Add("roadClass", r.Class.ToString().ToLowerInvariant());
                t.Add("lanes", r.Lanes);
                break;
        }
        if (a.Synthetic) t.Add("synthetic", true);
        return t;
    }
}
