using System.IO.Compression;
using System.Text;
using CityTwin.Import.Crs;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace CityTwin.Import.Sources;

/// <summary>
/// Reads a Shapefile from a zip (.shp, .dbf and, for its CRS, .prj; .cpg names the text encoding).
/// Nothing is unpacked to disk: the parts are read into memory under <see cref="ImportLimits"/>,
/// so neither a zip bomb nor a path such as <c>../../etc/passwd</c> inside the zip can do harm;
/// both are refused with a message.
/// </summary>
internal static class ShapefileZipReader
{
    public static SourceLayer Read(SourceFile file, ImportLimits limits, int maxFeatures)
    {
        using var zip = ZipFile.OpenRead(file.Path);
        if (zip.Entries.Count > limits.MaxZipEntries)
            throw new CityImportException(file.Name, null, $"holds {zip.Entries.Count} entries, more than the {limits.MaxZipEntries} a zipped Shapefile needs");
        foreach (var entry in zip.Entries) CheckName(file, entry);

        var shp = Single(file, zip, ".shp", required: true)!;
        var stem = shp.FullName[..^4];
        var budget = new ByteBudget(limits.MaxUnzippedBytes);
        using var shpData = Unpack(file, Part(file, zip, stem, ".shp", true)!, limits, budget);
        using var dbfData = Unpack(file, Part(file, zip, stem, ".dbf", true)!, limits, budget);
        var prj = Part(file, zip, stem, ".prj", false);
        var cpg = Part(file, zip, stem, ".cpg", false);
        var crs = prj is null ? null : CrsCatalog.FromWkt(Text(file, prj, limits, budget, Encoding.UTF8), $"{file.Name} ({prj.FullName})");
        var encoding = cpg is null ? Encoding.UTF8 : EncodingOf(Text(file, cpg, limits, budget, Encoding.ASCII));

        using var reader = Shapefile.OpenRead(shpData, dbfData, new ShapefileReaderOptions { Encoding = encoding });
        if (reader.RecordCount > maxFeatures)
            throw new CityImportException(file.Name, null, $"holds {reader.RecordCount} features, more than the {maxFeatures} an import takes");
        var fields = reader.Fields.Select(f => f.Name).ToList();
        var features = new List<SourceFeature>();
        while (true)
        {
            Feature? feature;
            bool deleted;
            try
            {
                if (!reader.Read(out deleted, out feature)) break;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or OverflowException or NotSupportedException or EndOfStreamException)
            {
                // A broken record leaves the reader somewhere in the middle of the file: stop here.
                features.Add(new SourceFeature(features.Count, null, new Dictionary<string, object?>(), $"record could not be read: {ex.Message}"));
                break;
            }
            if (deleted || feature is null) continue;
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in feature.Attributes?.GetNames() ?? []) properties[name] = feature.Attributes![name];
            var geometry = feature.Geometry is { IsEmpty: false } g ? g : null;
            features.Add(new SourceFeature(features.Count, geometry, properties, geometry is null ? "has no geometry" : null));
        }
        return new SourceLayer(file.Name, features, fields, crs, LonLatByDefault: false);
    }

    private static void CheckName(SourceFile file, ZipArchiveEntry entry)
    {
        var name = entry.FullName.Replace('\\', '/');
        if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Split('/').Any(part => part == ".."))
            throw new CityImportException(file.Name, null, $"entry '{entry.FullName}' has a path outside the zip (absolute or with '..'); refused");
    }

    private static ZipArchiveEntry? Single(SourceFile file, ZipArchive zip, string extension, bool required)
    {
        var matches = zip.Entries.Where(e => e.FullName.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal)).ToList();
        if (matches.Count > 1)
            throw new CityImportException(file.Name, null, $"holds {matches.Count} {extension} files ({string.Join(", ", matches.Select(m => m.FullName))}); zip one layer per file");
        if (matches.Count == 0 && required)
            throw new CityImportException(file.Name, null, $"holds no {extension} file: a zipped Shapefile needs .shp, .shx, .dbf and .prj");
        return matches.FirstOrDefault();
    }

    private static ZipArchiveEntry? Part(SourceFile file, ZipArchive zip, string stem, string extension, bool required)
    {
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Equals(stem + extension, StringComparison.OrdinalIgnoreCase));
        if (entry is null && required)
            throw new CityImportException(file.Name, null, $"has no {Path.GetFileName(stem)}{extension} beside the .shp");
        return entry;
    }

    private static MemoryStream Unpack(SourceFile file, ZipArchiveEntry entry, ImportLimits limits, ByteBudget budget)
    {
        if (entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio && entry.Length > 1024 * 1024)
            throw new CityImportException(file.Name, null, $"entry '{entry.FullName}' unpacks {entry.Length / entry.CompressedLength}× larger than it is packed: refused as a zip bomb");
        budget.Take(file, entry.FullName, entry.Length);
        var memory = new MemoryStream();
        using (var source = entry.Open())
        {
            // The declared length may lie: count what really comes out.
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > entry.Length || total > limits.MaxUnzippedBytes)
                    throw new CityImportException(file.Name, null, $"entry '{entry.FullName}' unpacks to more than it declares: refused");
                memory.Write(buffer, 0, read);
            }
        }
        memory.Position = 0;
        return memory;
    }

    private static string Text(SourceFile file, ZipArchiveEntry entry, ImportLimits limits, ByteBudget budget, Encoding encoding)
    {
        if (entry.Length > 64 * 1024) throw new CityImportException(file.Name, null, $"entry '{entry.FullName}' is too long for a {Path.GetExtension(entry.FullName)} file");
        using var data = Unpack(file, entry, limits, budget);
        return encoding.GetString(data.ToArray()).Trim().TrimStart('\uFEFF');
    }

    private static Encoding EncodingOf(string name)
    {
        try
        {
            return name.Length == 0 ? Encoding.UTF8 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // An unknown code page name: UTF-8 is what current GIS tools write.
            return Encoding.UTF8;
        }
    }

    /// <summary>The bytes the whole zip may still unpack to.</summary>
    private sealed class ByteBudget(long limit)
    {
        private long _taken;

        public void Take(SourceFile file, string entry, long bytes)
        {
            _taken += bytes;
            if (_taken > limit) throw new CityImportException(file.Name, null, $"unpacks to more than {limit / (1024 * 1024)} MiB (at '{entry}'): refused");
        }
    }
}
