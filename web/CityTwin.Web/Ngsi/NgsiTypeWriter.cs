using System.Text.Json;

namespace CityTwin.Web.Ngsi;

/// <summary>Writes the NGSI-LD type resources: EntityTypeList, EntityType and EntityTypeInfo.</summary>
public static class NgsiTypeWriter
{
    public static void WriteTypes(Utf8JsonWriter w, IReadOnlyList<(NgsiType Type, IReadOnlyList<NgsiAttribute> Attributes)>? described, string[]? context)
    {
        if (described is null)
        {
            w.WriteStartObject();
            w.WriteString("id", "urn:ngsi-ld:EntityTypeList:citytwin");
            w.WriteString("type", "EntityTypeList");
            w.WriteStartArray("typeList");
            foreach (var t in NgsiTypes.All) w.WriteStringValue(t.Name);
            w.WriteEndArray();
            if (context is not null) NgsiWriter.WriteContext(w, context);
            w.WriteEndObject();
            return;
        }
        w.WriteStartArray();
        foreach (var (type, attributes) in described)
        {
            w.WriteStartObject();
            w.WriteString("id", type.Iri);
            w.WriteString("type", "EntityType");
            w.WriteString("typeName", type.Name);
            w.WriteStartArray("attributeNames");
            foreach (var a in attributes) w.WriteStringValue(a.Name);
            w.WriteStringValue(NgsiTypes.Location);
            w.WriteEndArray();
            if (context is not null) NgsiWriter.WriteContext(w, context);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteTypeInfo(Utf8JsonWriter w, (NgsiType Type, IReadOnlyList<NgsiAttribute> Attributes) info, int count, string[]? context)
    {
        w.WriteStartObject();
        w.WriteString("id", info.Type.Iri);
        w.WriteString("type", "EntityTypeInfo");
        w.WriteString("typeName", info.Type.Name);
        w.WriteNumber("entityCount", count);
        w.WriteString("schema", info.Type.SchemaUrl);
        w.WriteStartArray("attributeDetails");
        foreach (var (name, kind) in info.Attributes.Select(a => (a.Name, a.Kind)).Append((NgsiTypes.Location, NgsiAttributeKind.GeoProperty)))
        {
            w.WriteStartObject();
            w.WriteString("id", name);
            w.WriteString("type", "Attribute");
            w.WriteString("attributeName", name);
            w.WriteStartArray("attributeTypes");
            w.WriteStringValue(kind.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (context is not null) NgsiWriter.WriteContext(w, context);
        w.WriteEndObject();
    }
}
