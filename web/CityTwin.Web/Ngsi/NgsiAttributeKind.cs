namespace CityTwin.Web.Ngsi;

/// <summary>The three kinds of NGSI-LD attribute.</summary>
public enum NgsiAttributeKind
{
    Property,
    GeoProperty,
    Relationship,
}
