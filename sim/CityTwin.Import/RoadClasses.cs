namespace CityTwin.Import;

/// <summary>
/// Maps a road-class value (OpenStreetMap <c>highway</c> tags, or the pack's own classes) onto the
/// pack's classes; anything unrecognised is a local road, the class with the least capacity for vehicles.
/// </summary>
public static class RoadClasses
{
    public const string Local = "residential/service/other";

    public static string FromSource(string? value)
    {
        var v = (value ?? "").Trim().ToLowerInvariant();
        if (v.EndsWith("_link", StringComparison.Ordinal)) v = v[..^5];
        return v switch
        {
            "motorway/trunk" or "primary" or "secondary/tertiary" or Local or "footway/cycleway/path" => v,
            "motorway" or "trunk" => "motorway/trunk",
            "secondary" or "tertiary" => "secondary/tertiary",
            "footway" or "cycleway" or "path" or "pedestrian" or "steps" or "bridleway" => "footway/cycleway/path",
            _ => Local,
        };
    }
}
