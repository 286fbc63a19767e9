using System.IO.Compression;
using System.Net.Http.Headers;
using CsCheck;

namespace CityTwin.Web.Tests;

/// <summary>
/// Generated multipart uploads for the endpoints that read a form (the city-pack import): plausible
/// and broken field values, and files that are garbage, truncated, hostile zips (a path outside the
/// zip, a bomb, a Shapefile with bad WKT) or GeoJSON with impossible coordinates.
/// </summary>
public static class FuzzForms
{
    public static bool ReadsForm(FuzzEndpoint e) => e.Method == "POST" && e.Pattern.RawText == "/api/cities/import";

    private static readonly string[] Fields = ["id", "name", "timeZone", "locale", "crs", "mapping", "template", "attribution", "dryRun", "gu", "other"];

    private static readonly string[] FileNames = ["gu.geojson", "gu.json", "gu.gpkg", "gu.zip", "gu.shp", "../../gu.zip", "gu.", "gu", "ü.geojson", "C:\\x\\gu.zip"];

    private static readonly byte[][] Files =
    [
        [], "garbage"u8.ToArray(), "{"u8.ToArray(), "SQLite format 3\0"u8.ToArray(), [0x50, 0x4b, 0x03, 0x04, 0, 0],
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e308,1e308],[-1e308,1],[0,0],[1e308,1e308]]]}}]}"u8.ToArray(),
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":null,\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"a\"]]]}}]}"u8.ToArray(),
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:0\"}},\"features\":[]}"u8.ToArray(),
        Zip(("../../evil.shp", new byte[10])), Zip(("bomb.shp", new byte[4 * 1024 * 1024]), ("bomb.dbf", new byte[1])),
        Zip(("a.shp", new byte[100]), ("a.dbf", new byte[33]), ("a.prj", "PROJCS[\"x\",GEOGCS["u8.ToArray())),
    ];

    public static Gen<FuzzCase> For(FuzzEndpoint e, Gen<string> value) =>
        Gen.Select(Gen.Int[0, Fields.Length - 1], value, Gen.Int[0, Files.Length - 1], Gen.Int[0, FileNames.Length - 1], Gen.Bool)
            .Select(t =>
            {
                var (field, bad, file, fileName, dryRun) = t;
                var form = new MultipartFormDataContent("fuzz-boundary")
                {
                    { new StringContent("fuzzed"), "id" },
                    { new StringContent("Fuzzed"), "name" },
                    { new StringContent(dryRun ? "true" : "false"), "dryRun" },
                };
                var parts = form.Where(p => p.Headers.ContentDisposition?.Name != Fields[field]).ToList();
                var rebuilt = new MultipartFormDataContent("fuzz-boundary");
                foreach (var p in parts) rebuilt.Add(p);
                if (Fields[field] != "gu") rebuilt.Add(new StringContent(bad), Fields[field]);
                var content = new ByteArrayContent(Files[file]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                rebuilt.Add(content, "gu", FileNames[fileName]);
                using var stream = rebuilt.ReadAsStream();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return new FuzzCase(e, e.Method, e.Pattern.RawText!, memory.ToArray(), rebuilt.Headers.ContentType!.ToString(),
                    $"form {Fields[field]} = '{(bad.Length > 40 ? bad[..40] : bad)}', file #{file} as '{FileNames[fileName]}'");
            });

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }
        return memory.ToArray();
    }
}
