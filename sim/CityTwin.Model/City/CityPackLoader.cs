using System.Globalization;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.Generation;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.City;

/// <summary>
/// Loads a city pack (its manifest, city.json, naming the gu, dong and outline files and the optional
/// sites, population CSV and building and road layers), validates it and generates the city's
/// assets deterministically from a seed.
/// </summary>
public static class CityPackLoader
{
    public const int DefaultSeed = 20240624;

    public static CityCatalog Load(string directory, int seed = DefaultSeed, SyntheticPlan? plan = null)
    {
        if (!Directory.Exists(directory))
            throw new CityPackException(directory, null, "city pack directory not found");

        var pack = CityManifestReader.Read(directory);
        var files = pack.Files;
        var population = files.Population is { } populationFile ? ReadPopulation(directory, populationFile) : [];
        var districts = ReadDistricts(directory, files.Gu, population);
        var dongs = ReadDongs(directory, files.Dong, files.Gu, districts);
        var outline = ReadOutline(directory, files.Outline);
        var sites = files.Sites is { } sitesFile ? ReadSites(directory, sitesFile) : [];

        var generator = new AssetGenerator(dongs, seed, plan ?? SyntheticPlan.Default);
        if (files.Buildings is { } buildings) generator.AddBuildings(GeoJsonFile.Read(directory, buildings));
        if (files.Roads is { } roads) generator.AddRoads(GeoJsonFile.Read(directory, roads));
        generator.AddSynthetic();

        return new CityCatalog(pack, outline, seed, districts, dongs, sites, generator.Assets, generator.Shapes);
    }

    private static Dictionary<string, int> ReadPopulation(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        var result = new Dictionary<string, int>();
        if (!File.Exists(path)) throw new CityPackException(name, null, $"file not found in {directory} (named by city.json files.population)");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new CityPackException(name, null, "is empty");
        var header = lines[0].Split(',');
        int Col(string c) => Array.IndexOf(header, c) is var i and >= 0 ? i : throw new CityPackException(name, null, $"has no column '{c}'");
        int code = Col("gu_code"), p2015 = Col("pop_census_2015"), p2020 = Col("pop_census_2020");
        for (var row = 1; row < lines.Length; row++)
        {
            if (string.IsNullOrWhiteSpace(lines[row])) continue;
            var cells = lines[row].Split(',');
            if (cells.Length <= Math.Max(code, Math.Max(p2015, p2020)))
                throw new CityPackException(name, $"line {row + 1}", "has too few columns");
            // The newest census wins where it exists.
            var text = cells[p2020].Length > 0 ? cells[p2020] : cells[p2015];
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) || pop < 0)
                throw new CityPackException(name, $"line {row + 1}", $"population '{text}' is not a whole number");
            result[cells[code]] = pop;
        }
        return result;
    }

    private static List<DistrictInfo> ReadDistricts(string directory, string name, Dictionary<string, int> population)
    {
        var file = GeoJsonFile.Read(directory, name);
        var list = new List<DistrictInfo>();
        for (var i = 0; i < file.Features.Count; i++)
        {
            var f = file.Features[i];
            var code = file.RequireString(f, i, "code");
            var geometry = file.RequireGeometry(f, i, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
            var pop = population.TryGetValue(code, out var p) ? p
                : (int)(GeoJsonFile.OptionalNumber(f, "pop_census_2020") ?? GeoJsonFile.OptionalNumber(f, "pop_census_2015") ?? 0);
            list.Add(new DistrictInfo(
                code,
                file.RequireString(f, i, "name_en"),
                file.RequireString(f, i, "name_ko"),
                GeoJsonFile.OptionalNumber(f, "area_km2") ?? GeoMath.AreaM2(geometry) / 1e6,
                pop,
                geometry));
        }
        var duplicate = list.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CityPackException(file.Name, duplicate.Key, "code appears more than once");
        return list;
    }

    private static List<DongInfo> ReadDongs(string directory, string name, string guFile, List<DistrictInfo> districts)
    {
        var file = GeoJsonFile.Read(directory, name);
        var raw = new List<(string Code, string Gu, string En, string Ko, double Area, Geometry G)>();
        for (var i = 0; i < file.Features.Count; i++)
        {
            var f = file.Features[i];
            var gu = file.RequireString(f, i, "gu_code");
            if (districts.All(d => d.Code != gu))
                throw new CityPackException(file.Name, GeoJsonFile.Label(f, i), $"gu_code {gu} names no district in {guFile}");
            var g = file.RequireGeometry(f, i, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
            raw.Add((file.RequireString(f, i, "code"), gu, file.RequireString(f, i, "name_en"), file.RequireString(f, i, "name_ko"),
                GeoJsonFile.OptionalNumber(f, "area_km2") ?? GeoMath.AreaM2(g) / 1e6, g));
        }
        var duplicate = raw.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CityPackException(file.Name, duplicate.Key, "code appears more than once");
        // Census population is per gu; administrative dongs are drawn to similar sizes, so split evenly.
        var perGu = raw.GroupBy(d => d.Gu).ToDictionary(g => g.Key, g => g.Count());
        return raw.Select(d => new DongInfo(d.Code, d.Gu, d.En, d.Ko, d.Area,
            districts.First(x => x.Code == d.Gu).Population / perGu[d.Gu], d.G)).ToList();
    }

    private static Geometry ReadOutline(string directory, string name)
    {
        var file = GeoJsonFile.Read(directory, name);
        return file.RequireGeometry(file.Features[0], 0, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
    }

    private static List<SiteInfo> ReadSites(string directory, string name)
    {
        var file = GeoJsonFile.Read(directory, name);
        var list = new List<SiteInfo>();
        for (var i = 0; i < file.Features.Count; i++)
        {
            var f = file.Features[i];
            var point = (Point)file.RequireGeometry(f, i, OgcGeometryType.Point);
            list.Add(new SiteInfo(
                file.RequireString(f, i, "id"),
                file.RequireString(f, i, "name_en"),
                file.RequireString(f, i, "name_ko"),
                GeoJsonFile.OptionalString(f, "kind") ?? "site",
                GeoJsonFile.OptionalString(f, "address") ?? "",
                GeoJsonFile.OptionalString(f, "visitor_sees") ?? "",
                point));
        }
        return list;
    }
}
