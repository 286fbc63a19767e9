using System.Text;
using CityTwin.Testing;
using static CityTwin.Import.Tests.Importing;

namespace CityTwin.Import.Tests;

/// <summary>Files made to hurt: each is refused with a message naming the file, and nothing is unpacked to disk.</summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var bomb = _files.WriteZip("gu.zip", ("gu.shp", new byte[64 * 1024 * 1024]), ("gu.dbf", new byte[16]));
        Assert.True(new FileInfo(bomb).Length < 1024 * 1024);

        var ex = Fails(Request(bomb, null));

        Assert.Equal("gu.zip", ex.Problems[0].File);
        Assert.Contains("zip bomb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_larger_than_the_limit_is_refused()
    {
        var big = _files.WriteZip("gu.zip", ("gu.shp", new byte[3 * 1024 * 1024]), ("gu.dbf", new byte[16]));
        var importer = new CityImporter(ImportLimits.Default with { MaxUnzippedBytes = 2 * 1024 * 1024, MaxCompressionRatio = 1e9 });

        var ex = Assert.Throws<CityImportException>(() => importer.Import(Request(big, null)));
        Assert.Contains("unpacks to more than 2 MiB", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../evil.shp")]
    [InlineData("/etc/evil.shp")]
    [InlineData("dir/../../evil.shp")]
    public void A_path_outside_the_zip_is_refused(string entry)
    {
        var zip = _files.WriteZip("gu.zip", (entry, new byte[100]), ("gu.dbf", new byte[16]));

        var ex = Fails(Request(zip, null));

        Assert.Contains("has a path outside the zip", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_files.Directory, "..", "evil.shp")));
    }

    [Fact]
    public void A_prj_with_bad_wkt_is_refused_naming_the_prj()
    {
        var good = _files.WriteShapefileZip("good.zip", "gu", ImportFixtures.GuFeatures(), 5186, withPrj: false);
        using var source = System.IO.Compression.ZipFile.OpenRead(good);
        var parts = source.Entries.Select(e => (e.FullName, Read(e))).ToList();
        parts.Add(("gu.prj", Encoding.UTF8.GetBytes("PROJCS[\"Korea\",GEOGCS[\"x\",DATUM[")));
        var zip = _files.WriteZip("gu.zip", [.. parts]);

        var ex = Fails(Request(zip, null));

        Assert.Equal("gu.zip (gu.prj)", ex.Problems[0].File);
        Assert.Contains("the CRS (WKT) could not be read", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gu.zip", "not a zip at all")]
    [InlineData("gu.gpkg", "SQLite format 3\0 but no database follows")]
    [InlineData("gu.geojson", "{\"type\":\"FeatureCollection\",\"features\":[")]
    [InlineData("gu.geojson", "{\"type\":\"FeatureCollection\"}")]
    [InlineData("gu.shp", "a bare shapefile")]
    public void A_file_that_is_not_what_its_name_says_is_refused_naming_it(string name, string content)
    {
        var path = _files.WriteText(name, content);

        var ex = Fails(Request(path, null));

        Assert.Equal(name, ex.Problems[0].File);
    }

    [Fact]
    public void Too_many_features_are_refused()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var importer = new CityImporter(ImportLimits.Default with { MaxBoundaryFeatures = 1 });

        var ex = Assert.Throws<CityImportException>(() => importer.Import(Request(gu, null)));
        Assert.Contains("more than the 1 an import takes", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Read(System.IO.Compression.ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
