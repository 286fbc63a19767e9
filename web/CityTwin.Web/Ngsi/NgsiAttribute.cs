namespace CityTwin.Web.Ngsi;

/// <summary>
/// One attribute of an entity. <see cref="Value"/> is a number, string, bool, <see cref="DateTimeOffset"/>
/// (written as an NGSI-LD DateTime), a string array, a string-keyed dictionary, or for a Relationship the
/// target's URN; a GeoProperty's value is an NTS geometry written as GeoJSON.
/// </summary>
public sealed record NgsiAttribute(
    string Name,
    NgsiAttributeKind Kind,
    object Value,
    string? UnitCode = null,
    DateTimeOffset? ObservedAt = null)
{
    public static NgsiAttribute Property(string name, object value, string? unitCode = null, DateTimeOffset? observedAt = null) =>
        new(name, NgsiAttributeKind.Property, value, unitCode, observedAt);

    public static NgsiAttribute Relationship(string name, string targetUrn) => new(name, NgsiAttributeKind.Relationship, targetUrn);
}
