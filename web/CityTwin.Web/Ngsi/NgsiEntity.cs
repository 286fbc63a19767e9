using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// One entity as the NGSI-LD API shows it: URN, Smart Data Models type, its <c>location</c>
/// (WGS84; also what geo-queries test) and its other attributes in the order they are written.
/// </summary>
public sealed record NgsiEntity(string Id, string Type, Geometry Location, IReadOnlyList<NgsiAttribute> Attributes)
{
    public NgsiAttribute? Find(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>Every attribute name, <c>location</c> included.</summary>
    public IEnumerable<string> AttributeNames => Attributes.Select(a => a.Name).Prepend(NgsiTypes.Location);
}
