using System.Globalization;
using CityTwin.Import.Crs;
using CityTwin.Import.Checks;
using CityTwin.Import.Mapping;
using CityTwin.Import.Model;
using CityTwin.Import.Sources;
using CityTwin.Model.City;
using CityTwin.Model.Generation;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace CityTwin.Import;

/// <summary>
/// Reads a city's boundary files (and optionally its buildings and roads), reprojects them to
/// lon/lat, repairs or rejects invalid geometry, maps their fields and gives each dong its gu.
/// All problems are gathered and thrown together as one <see cref="CityImportException"/>, so a
/// user fixes a file in one round rather than one error at a time. Writes nothing:
/// <see cref="CityPackWriter"/> does.
/// </summary>
public sealed class CityImporter(ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public ImportedCity Import(CityImportRequest request)
    {
        var problems = new List<ImportProblem>();
        var notes = new List<ImportProblem>();
        CheckRequest(request, problems);
        if (problems.Count > 0) throw new CityImportException(problems);

        var mapping = request.Mapping ?? PropertyMapping.Default;
        var overrideCrs = request.Crs is null ? null : CrsCatalog.Parse(request.Crs, "crs");
        var crsByFile = new Dictionary<string, string>(StringComparer.Ordinal);

        var (guLayer, dongLayer) = BoundaryLayers(request, mapping);
        var gu = guLayer is null ? [] : Areas(guLayer, mapping.Gu, "gu", overrideCrs, mapping, request.MappingSource, problems, notes, crsByFile, isDong: false);
        var dongs = dongLayer is null ? [] : Areas(dongLayer, mapping.Dong, "dong", overrideCrs, mapping, request.MappingSource, problems, notes, crsByFile, isDong: true);
        if (problems.Count > 0) throw new CityImportException(problems);

        (gu, dongs) = Arrange(request, gu, dongs, problems, notes);
        if (problems.Count > 0) throw new CityImportException(problems);

        var dongInfos = dongs.Select(d => new DongInfo(d.Code, d.ParentCode!, d.Name, d.NameLocal, 0, 0, d.Boundary)).ToList();
        var locator = new DongLocator(dongInfos);
        var buildings = request.Buildings is null ? [] : Buildings(request.Buildings, mapping.Buildings, overrideCrs, request.MappingSource, locator, problems, notes, crsByFile);
        var roads = request.Roads is null ? [] : Roads(request.Roads, mapping.Roads, overrideCrs, request.MappingSource, locator, problems, notes, crsByFile);
        if (problems.Count > 0) throw new CityImportException(problems);

        var outline = Outline(gu);
        return new ImportedCity(request, gu, dongs, buildings, roads, outline, crsByFile, notes);
    }

    private static void CheckRequest(CityImportRequest request, List<ImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || request.Id.Length > 40 || !request.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || request.Id.StartsWith('-'))
            problems.Add(new ImportProblem("id", null, "must be 1–40 lower-case letters, digits and '-' (it names the pack folder and the city)"));
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            problems.Add(new ImportProblem("name", null, "must be the city's name (1–100 characters)"));
        if (request.Gu is null && request.Dong is null)
            problems.Add(new ImportProblem("gu", null, "give a gu (district) boundary file, a dong file, or one file with both levels and a level mapping"));
        if (request.TimeZone is { } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            problems.Add(new ImportProblem("timeZone", null, $"unknown time zone '{tz}' (use an IANA name such as Asia/Ulaanbaatar)"));
        if (request.Locale is { } locale && !IsLocale(locale))
            problems.Add(new ImportProblem("locale", null, $"'{locale}' is not a BCP 47 locale (such as mn-MN)"));
    }

    private static bool IsLocale(string locale)
    {
        if (locale.Length is < 2 or > 20 || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        try
        {
            _ = CultureInfo.GetCultureInfo(locale, predefinedOnly: false);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The gu and dong layers: two files, or one file split by the level field.</summary>
    private (SourceLayer? Gu, SourceLayer? Dong) BoundaryLayers(CityImportRequest request, PropertyMapping mapping)
    {
        var gu = request.Gu is null ? null : LayerReader.Read(request.Gu, _limits, _limits.MaxBoundaryFeatures);
        var dong = request.Dong is null ? null : LayerReader.Read(request.Dong, _limits, _limits.MaxBoundaryFeatures);
        if (mapping.Level is not { } level || (gu is not null && dong is not null)) return (gu, dong);

        var both = (gu ?? dong)!;
        var field = both.Fields.FirstOrDefault(f => f.Equals(level.Field, StringComparison.OrdinalIgnoreCase))
            ?? throw new CityImportException(request.MappingSource, null, $"level.field: field '{level.Field}' is not in {both.FileName} (its fields: {string.Join(", ", both.Fields)})");
        SourceLayer Part(string value) => both with { Features = both.Features.Where(f => FieldResolver.Text(f, field) == value).ToList() };
        var guPart = Part(level.GuValue);
        var dongPart = Part(level.DongValue);
        if (guPart.Features.Count == 0) throw new CityImportException(both.FileName, null, $"no feature has {field} = {level.GuValue} (the gu level in the mapping)");
        if (dongPart.Features.Count == 0) throw new CityImportException(both.FileName, null, $"no feature has {field} = {level.DongValue} (the dong level in the mapping)");
        return (guPart, dongPart);
    }

    private static Reprojector Reprojector(SourceLayer layer, CrsDefinition? overrideCrs, List<ImportProblem> problems, Dictionary<string, string> crsByFile)
    {
        var crs = overrideCrs ?? layer.DeclaredCrs;
        if (crs is null)
        {
            if (layer.LonLatByDefault) crs = CrsCatalog.Wgs84;
            else
            {
                problems.Add(new ImportProblem(layer.FileName, null,
                    "names no CRS (a Shapefile needs its .prj; a GeoPackage its gpkg_spatial_ref_sys entry): give it with --crs EPSG:code or the form's CRS field"));
                crs = CrsCatalog.Wgs84;
            }
        }
        crsByFile[layer.FileName] = crs.Label;
        try
        {
            return new Reprojector(crs);
        }
        // ProjNET refuses a projection it does not implement with one of these; it is the file's
        // CRS that cannot be used, so the user hears which file and why.
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or NotImplementedException or InvalidOperationException)
        {
            throw new CityImportException(layer.FileName, null, $"cannot reproject from {crs.Label} to WGS84: {ex.Message}");
        }
    }

    private static List<ImportedArea> Areas(SourceLayer layer, LayerMapping map, string level, CrsDefinition? overrideCrs, PropertyMapping mapping,
        string mappingSource, List<ImportProblem> problems, List<ImportProblem> notes, Dictionary<string, string> crsByFile, bool isDong)
    {
        var before = problems.Count;
        var fields = new FieldResolver(layer, mappingSource, problems);
        var code = fields.Find($"{level}.code", map.Code, FieldCandidates.Code);
        var name = fields.Find($"{level}.name", map.Name, FieldCandidates.Name);
        var nameLocal = fields.Find($"{level}.nameLocal", map.NameLocal, FieldCandidates.NameLocal);
        var population = fields.Find($"{level}.population", map.Population, FieldCandidates.Population);
        var parent = isDong ? fields.Find($"{level}.parent", map.Parent, mapping.Level is null ? FieldCandidates.Parent : []) : null;
        if (parent is not null && parent == code) parent = null; // SIG_CD is a gu's own code, not a parent, when it is also the code field
        if (name is null && problems.Count == before)
            problems.Add(new ImportProblem(mappingSource, null, $"{level}.name: {layer.FileName} has none of the usual name fields ({string.Join(", ", FieldCandidates.Name)}); map one (its fields: {string.Join(", ", layer.Fields)})"));
        var reprojector = Reprojector(layer, overrideCrs, problems, crsByFile);
        if (problems.Count > before) return [];
        if (code is null) notes.Add(new ImportProblem(layer.FileName, null, $"no code field: the {level} areas are numbered in file order"));

        var check = new GeometryCheck(layer.FileName, reprojector, problems, notes);
        var list = new List<ImportedArea>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in layer.Features)
        {
            var label = FeatureLabel.Of(feature, name);
            var areaName = FieldResolver.Text(feature, name);
            if (areaName is null)
            {
                problems.Add(new ImportProblem(layer.FileName, label, $"has no name in field '{name}'"));
                continue;
            }
            var areaCode = code is null ? (isDong ? "D" : "G") + (list.Count + 1).ToString("D3", CultureInfo.InvariantCulture) : FieldResolver.Text(feature, code);
            if (areaCode is null || areaCode.Length > 40)
            {
                problems.Add(new ImportProblem(layer.FileName, label, areaCode is null ? $"has no code in field '{code}'" : "has a code longer than 40 characters"));
                continue;
            }
            if (seen.TryGetValue(areaCode, out var first))
            {
                problems.Add(new ImportProblem(layer.FileName, label, $"code {areaCode} is already used by feature {first}"));
                continue;
            }
            seen[areaCode] = label;
            var pop = FieldResolver.Number(feature, population);
            if (pop is { } p && (!double.IsFinite(p) || p < 0 || p > 1e9))
            {
                problems.Add(new ImportProblem(layer.FileName, label, $"population {p} is not a plausible number of residents"));
                continue;
            }
            var geometry = check.Polygonal(feature, label);
            if (geometry is null) continue;
            list.Add(new ImportedArea(areaCode, Clip(areaName), Clip(FieldResolver.Text(feature, nameLocal) ?? areaName), pop,
                isDong ? FieldResolver.Text(feature, parent) : null, geometry));
        }
        return list;
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100];

    /// <summary>Every dong gets its gu (by its parent code, else by containment); every gu at least one dong.</summary>
    private static (List<ImportedArea> Gu, List<ImportedArea> Dongs) Arrange(CityImportRequest request, List<ImportedArea> gu, List<ImportedArea> dongs, List<ImportProblem> problems, List<ImportProblem> notes)
    {
        var dongFile = request.Dong?.Name ?? request.Gu?.Name ?? "dong";
        if (gu.Count == 0)
        {
            // Only dongs: the whole city is one district, so the twin still has its gu level.
            var union = Outline(dongs);
            gu = [new ImportedArea("C001", request.Name, request.Name, null, null, union)];
            notes.Add(new ImportProblem(dongFile, null, "no gu layer: the whole city is one district"));
            return (gu, dongs.Select(d => d with { ParentCode = "C001" }).ToList());
        }
        if (dongs.Count == 0)
        {
            notes.Add(new ImportProblem(request.Gu!.Name, null, "no dong layer: each gu is also its own single dong"));
            return (gu, gu.Select(g => new ImportedArea(g.Code + "-1", g.Name, g.NameLocal, g.Population, g.Code, g.Boundary)).ToList());
        }

        var codes = gu.ToDictionary(g => g.Code, StringComparer.Ordinal);
        var locators = gu.Select(g => (Gu: g, Locator: new IndexedPointInAreaLocator(g.Boundary))).ToList();
        var placed = new List<ImportedArea>();
        var byContainment = 0;
        foreach (var dong in dongs)
        {
            if (dong.ParentCode is { } parent)
            {
                if (!codes.ContainsKey(parent))
                {
                    problems.Add(new ImportProblem(dongFile, $"{dong.Code} ({dong.Name})", $"its gu code {parent} names no gu in {request.Gu?.Name ?? "the gu level"}"));
                    continue;
                }
                placed.Add(dong);
                continue;
            }
            var inside = dong.Boundary.InteriorPoint.Coordinate;
            var home = locators.FirstOrDefault(l => l.Locator.Locate(inside) != Location.Exterior).Gu
                ?? gu.Select(g => (Gu: g, Overlap: SafeOverlap(g.Boundary, dong.Boundary))).Where(x => x.Overlap > 0).OrderByDescending(x => x.Overlap).Select(x => x.Gu).FirstOrDefault();
            if (home is null)
            {
                problems.Add(new ImportProblem(dongFile, $"{dong.Code} ({dong.Name})", "lies in no gu (and names no parent gu code): is it in the same CRS as the gu file?"));
                continue;
            }
            byContainment++;
            placed.Add(dong with { ParentCode = home.Code });
        }
        if (byContainment > 0) notes.Add(new ImportProblem(dongFile, null, $"{byContainment} dongs were given the gu that contains them (no parent code)"));
        foreach (var g in gu.Where(g => placed.All(d => d.ParentCode != g.Code)))
        {
            notes.Add(new ImportProblem(request.Gu?.Name ?? "gu", $"{g.Code} ({g.Name})", "has no dong: it becomes its own single dong"));
            placed.Add(new ImportedArea(g.Code + "-1", g.Name, g.NameLocal, g.Population, g.Code, g.Boundary));
        }
        var clash = placed.Select(d => d.Code).Intersect(gu.Select(g => g.Code)).FirstOrDefault();
        if (clash is not null) notes.Add(new ImportProblem(dongFile, clash, "a gu and a dong share this code (allowed, but confusing in the API)"));
        var population = gu.Select(g => g.Population is not null ? g : g with { Population = Sum(placed.Where(d => d.ParentCode == g.Code)) }).ToList();
        return (population, placed);
    }

    private static double? Sum(IEnumerable<ImportedArea> dongs)
    {
        var known = dongs.Where(d => d.Population is not null).ToList();
        return known.Count == 0 ? null : known.Sum(d => d.Population!.Value);
    }

    private static double SafeOverlap(NtsGeometry a, NtsGeometry b)
    {
        try
        {
            return a.Intersection(b).Area;
        }
        catch (TopologyException)
        {
            return 0;
        }
    }

    private static NtsGeometry Outline(IReadOnlyList<ImportedArea> areas)
    {
        var union = CascadedPolygonUnion.Union(areas.Select(a => a.Boundary).ToArray());
        return union is Polygon or MultiPolygon && union.IsValid ? union : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(union);
    }

    private List<ImportedBuilding> Buildings(SourceFile file, LayerMapping map, CrsDefinition? overrideCrs, string mappingSource, DongLocator locator,
        List<ImportProblem> problems, List<ImportProblem> notes, Dictionary<string, string> crsByFile)
    {
        var layer = LayerReader.Read(file, _limits, _limits.MaxLayerFeatures);
        var before = problems.Count;
        var fields = new FieldResolver(layer, mappingSource, problems);
        var name = fields.Find("buildings.name", map.Name, ["name"]);
        var height = fields.Find("buildings.height", map.Height, FieldCandidates.Height);
        var levels = fields.Find("buildings.levels", map.Levels, FieldCandidates.Levels);
        var reprojector = Reprojector(layer, overrideCrs, problems, crsByFile);
        if (problems.Count > before) return [];
        var check = new GeometryCheck(layer.FileName, reprojector, problems, notes);
        var list = new List<ImportedBuilding>();
        var outside = 0;
        foreach (var feature in layer.Features)
        {
            var footprint = check.Polygonal(feature, FeatureLabel.Of(feature, name));
            if (footprint is null) continue;
            if (locator.Locate(GeoMath.Anchor(footprint)) is null) { outside++; continue; }
            var h = FieldResolver.Number(feature, height) ?? FieldResolver.Number(feature, levels) * 3 ?? 0;
            list.Add(new ImportedBuilding(footprint, FieldResolver.Text(feature, name), double.IsFinite(h) && h is > 0 and <= 700 ? h : 0));
        }
        if (outside > 0) notes.Add(new ImportProblem(layer.FileName, null, $"{outside} buildings more than 3 km from every dong were left out (the loader places nearer ones in the nearest dong)"));
        return list;
    }

    private List<ImportedRoad> Roads(SourceFile file, LayerMapping map, CrsDefinition? overrideCrs, string mappingSource, DongLocator locator,
        List<ImportProblem> problems, List<ImportProblem> notes, Dictionary<string, string> crsByFile)
    {
        var layer = LayerReader.Read(file, _limits, _limits.MaxLayerFeatures);
        var before = problems.Count;
        var fields = new FieldResolver(layer, mappingSource, problems);
        var name = fields.Find("roads.name", map.Name, ["name"]);
        var roadClass = fields.Find("roads.roadClass", map.RoadClass, FieldCandidates.RoadClass);
        var lanes = fields.Find("roads.lanes", map.Lanes, FieldCandidates.Lanes);
        var reprojector = Reprojector(layer, overrideCrs, problems, crsByFile);
        if (problems.Count > before) return [];
        var check = new GeometryCheck(layer.FileName, reprojector, problems, notes);
        var list = new List<ImportedRoad>();
        var outside = 0;
        foreach (var feature in layer.Features)
        {
            var g = check.Lineal(feature, FeatureLabel.Of(feature, name));
            if (g is null) continue;
            var cls = RoadClasses.FromSource(FieldResolver.Text(feature, roadClass));
            var laneCount = (int)Math.Clamp(FieldResolver.Number(feature, lanes) is { } l && double.IsFinite(l) ? l : 2, 1, 12);
            // The pack takes single lines: a multi-line road becomes one segment per part.
            for (var i = 0; i < g.NumGeometries; i++)
            {
                if (g.GetGeometryN(i) is not LineString { NumPoints: >= 2 } line || line.Length <= 0) continue;
                if (locator.Locate(GeoMath.Anchor(line)) is null) { outside++; continue; }
                list.Add(new ImportedRoad(line, FieldResolver.Text(feature, name), cls, laneCount));
            }
        }
        if (outside > 0) notes.Add(new ImportProblem(layer.FileName, null, $"{outside} road segments more than 3 km from every dong were left out"));
        return list;
    }
}
