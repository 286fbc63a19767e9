using CityTwin.Import.Crs;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace CityTwin.Import.Sources;

/// <summary>
/// Reads one feature table of a GeoPackage (an SQLite file, opened read-only): the table named by
/// the caller, else the first feature table listed in <c>gpkg_contents</c>. The CRS is the
/// table's entry in <c>gpkg_spatial_ref_sys</c>: its WKT definition, else its EPSG code.
/// </summary>
internal static class GeoPackageLayerReader
{
    public static SourceLayer Read(SourceFile file, int maxFeatures, string? layerName)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();

        var (table, srsId) = FeatureTable(connection, file, layerName);
        var geometryColumn = Scalar(connection, "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = $t", ("$t", table)) as string
            ?? throw new CityImportException(file.Name, null, $"table '{table}' has no entry in gpkg_geometry_columns");
        var crs = Crs(connection, file, srsId);

        var count = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Quote(table)}"), System.Globalization.CultureInfo.InvariantCulture);
        if (count > maxFeatures)
            throw new CityImportException(file.Name, null, $"table '{table}' holds {count} features, more than the {maxFeatures} an import takes");

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table)}";
        using var reader = command.ExecuteReader();
        var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(n => !n.Equals(geometryColumn, StringComparison.OrdinalIgnoreCase)).ToList();
        var geometryReader = new GeoPackageGeoReader();
        var features = new List<SourceFeature>();
        while (reader.Read())
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            byte[]? blob = null;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (name.Equals(geometryColumn, StringComparison.OrdinalIgnoreCase)) blob = value as byte[];
                else if (value is not byte[]) properties[name] = value;
            }
            features.Add(Feature(features.Count, blob, properties, geometryReader));
        }
        return new SourceLayer(file.Name, features, fields, crs, LonLatByDefault: false);
    }

    private static SourceFeature Feature(int index, byte[]? blob, Dictionary<string, object?> properties, GeoPackageGeoReader reader)
    {
        if (blob is null || blob.Length == 0) return new SourceFeature(index, null, properties, "has no geometry");
        try
        {
            return new SourceFeature(index, reader.Read(blob), properties);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException or NotSupportedException or IndexOutOfRangeException or OverflowException or NullReferenceException)
        {
            return new SourceFeature(index, null, properties, $"geometry could not be read: {ex.Message}");
        }
    }

    private static (string Table, long SrsId) FeatureTable(SqliteConnection connection, SourceFile file, string? layerName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, srs_id FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name";
        var tables = new List<(string, long)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) tables.Add((reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1)));
        }
        if (tables.Count == 0) throw new CityImportException(file.Name, null, "holds no feature table (gpkg_contents lists none)");
        if (layerName is null) return tables[0];
        foreach (var t in tables)
            if (t.Item1 == layerName) return t;
        throw new CityImportException(file.Name, null, $"has no feature table '{layerName}' (it has: {string.Join(", ", tables.Select(t => t.Item1))})");
    }

    private static CrsDefinition? Crs(SqliteConnection connection, SourceFile file, long srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var organization = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var code = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        var definition = reader.IsDBNull(2) ? "" : reader.GetString(2);
        var where = file.Name + " (gpkg_spatial_ref_sys)";
        if (!string.IsNullOrWhiteSpace(definition) && !definition.Equals("undefined", StringComparison.OrdinalIgnoreCase))
            return CrsCatalog.FromWkt(definition, where);
        if (organization.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && code > 0)
            return CrsCatalog.Parse($"EPSG:{code}", where);
        return null;
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
