namespace CityTwin.Import.Sources;

/// <summary>
/// Reads a file of any supported format, chosen by its name: <c>.geojson</c>/<c>.json</c>,
/// <c>.gpkg</c>, or <c>.zip</c> holding a Shapefile. Every failure is a
/// <see cref="CityImportException"/> naming the file.
/// </summary>
public static class LayerReader
{
    public static IReadOnlyList<string> Extensions { get; } = [".geojson", ".json", ".gpkg", ".zip"];

    public static SourceLayer Read(SourceFile file, ImportLimits limits, int maxFeatures, string? layerName = null)
    {
        if (!File.Exists(file.Path)) throw new CityImportException(file.Name, null, "file not found");
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        try
        {
            var layer = extension switch
            {
                ".geojson" or ".json" => GeoJsonLayerReader.Read(file, maxFeatures),
                ".gpkg" => GeoPackageLayerReader.Read(file, maxFeatures, layerName),
                ".zip" => ShapefileZipReader.Read(file, limits, maxFeatures),
                _ => throw new CityImportException(file.Name, null, $"unknown format '{extension}': give GeoJSON (.geojson), GeoPackage (.gpkg) or a zipped Shapefile (.zip)"),
            };
            if (layer.Features.Count == 0) throw new CityImportException(file.Name, null, "holds no features");
            return layer;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or ArgumentException
            or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or OverflowException
            or Microsoft.Data.Sqlite.SqliteException or System.Text.Json.JsonException or NullReferenceException)
        {
            // The readers of foreign formats fail in many ways on a broken file; each is the file's fault.
            throw new CityImportException(file.Name, null, $"could not be read as {Describe(extension)}: {ex.Message}");
        }
    }

    private static string Describe(string extension) => extension switch
    {
        ".gpkg" => "a GeoPackage",
        ".zip" => "a zipped Shapefile",
        _ => "GeoJSON",
    };
}
