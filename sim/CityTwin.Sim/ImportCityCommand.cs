using System.CommandLine;
using CityTwin.Import;
using CityTwin.Import.Mapping;
using CityTwin.Import.Pack;
using CityTwin.Import.Sources;
using CityTwin.Model.City;

namespace CityTwin.Sim;

/// <summary>
/// <c>import-city</c>: writes a city pack from a city's own boundary files (and optionally its
/// buildings and roads). Prints what was repaired or assumed; on a problem, prints each with its
/// file and feature and exits 1 without writing anything.
/// </summary>
public static class ImportCityCommand
{
    public const string Name = "import-city";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var id = new Option<string>("--id") { Description = "the new city's id (lower-case letters, digits, '-')", Required = true };
        var name = new Option<string>("--name") { Description = "the city's name", Required = true };
        var gu = new Option<FileInfo?>("--gu") { Description = "district (gu) boundaries: .geojson, .gpkg or a zipped Shapefile (.zip)" };
        var dong = new Option<FileInfo?>("--dong") { Description = "neighbourhood (dong) boundaries, same formats" };
        var buildings = new Option<FileInfo?>("--buildings") { Description = "building footprints (optional)" };
        var roads = new Option<FileInfo?>("--roads") { Description = "road centrelines (optional)" };
        var crs = new Option<string?>("--crs") { Description = "the files' CRS when they name none, e.g. EPSG:32648" };
        var map = new Option<FileInfo?>("--map") { Description = "mapping file (JSON): which fields hold code, name, population, parent gu" };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone (default: borrowed from the template)" };
        var locale = new Option<string?>("--locale") { Description = "BCP 47 locale (default: borrowed from the template)" };
        var template = new Option<DirectoryInfo?>("--template") { Description = "pack whose climate, fleet, grid and standards are borrowed (default: incheon)" };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "the pack folder to write, e.g. data/cities/<id>", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "replace an existing pack in --out" };

        var command = new RootCommand("Import a city pack from GeoJSON, GeoPackage or zipped Shapefile boundaries")
        {
            id, name, gu, dong, buildings, roads, crs, map, timeZone, locale, template, outDir, overwrite,
        };
        command.SetAction(parse =>
        {
            try
            {
                var mapping = parse.GetValue(map) is { } mapFile
                    ? MappingReader.Read(File.Exists(mapFile.FullName) ? File.ReadAllText(mapFile.FullName) : throw new CityImportException(mapFile.Name, null, "mapping file not found"), mapFile.Name)
                    : null;
                var request = new CityImportRequest(
                    parse.GetValue(id)!,
                    parse.GetValue(name)!,
                    Source(parse.GetValue(gu)),
                    Source(parse.GetValue(dong)),
                    Source(parse.GetValue(buildings)),
                    Source(parse.GetValue(roads)),
                    parse.GetValue(crs),
                    mapping,
                    parse.GetValue(map)?.Name ?? "mapping",
                    parse.GetValue(timeZone),
                    parse.GetValue(locale));
                var templateDir = parse.GetValue(template)?.FullName ?? CityPackLocator.Find("incheon");
                var city = new CityImporter().Import(request);
                var target = parse.GetValue(outDir)!.FullName;
                var catalog = CityPackWriter.Write(city, templateDir, target, DateOnly.FromDateTime(DateTime.UtcNow), parse.GetValue(overwrite));
                foreach (var note in city.Notes) output.WriteLine($"note: {note}");
                output.WriteLine($"wrote {target}: {catalog.Districts.Count} gu, {catalog.Dongs.Count} dongs, {city.Buildings.Count} buildings, {city.Roads.Count} roads, {catalog.Assets.Count} assets");
                output.WriteLine($"run it with: dotnet run --project web/CityTwin.Web -- --City:Path={target}");
                return 0;
            }
            catch (CityImportException ex)
            {
                foreach (var problem in ex.Problems) error.WriteLine($"error: {problem}");
                return 1;
            }
            catch (CityPackException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return 1;
            }
        });
        return command.Parse(args).Invoke();
    }

    private static SourceFile? Source(FileInfo? file) => file is null ? null : new SourceFile(file.Name, file.FullName);
}
