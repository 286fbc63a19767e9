using CityTwin.Import;
using CityTwin.Import.Mapping;
using CityTwin.Import.Model;
using CityTwin.Import.Pack;
using CityTwin.Import.Sources;
using CityTwin.Model.City;
using CityTwin.Testing;

namespace CityTwin.Import.Tests;

/// <summary>Shortcuts: import fixture files, write the pack beside them with Incheon as the template, load it back.</summary>
internal static class Importing
{
    public static string Template => CityPackLocator.Find("incheon");

    public static PropertyMapping MapFields(string json = ImportFixtures.MappingJson) => MappingReader.Read(json, "mapping.json");

    public static CityImportRequest Request(string? gu, string? dong, PropertyMapping? mapping = null, string? crs = null) =>
        new("harbourton", "Harbourton", gu is null ? null : SourceFile.At(gu), dong is null ? null : SourceFile.At(dong),
            Crs: crs, Mapping: mapping ?? MapFields(), MappingSource: "mapping.json", TimeZone: "Asia/Seoul", Locale: "ko-KR");

    public static (ImportedCity City, CityCatalog Catalog, string Directory) ImportAndLoad(ImportFixtures files, CityImportRequest request)
    {
        var city = new CityImporter().Import(request);
        var output = files.PathOf("packs/" + request.Id);
        CityPackWriter.Write(city, Template, output, new DateOnly(2026, 12, 7));
        // Loaded afresh, as a process given City:Path would.
        return (city, CityPackLoader.Load(output), output);
    }

    public static CityImportException Fails(CityImportRequest request) =>
        Assert.Throws<CityImportException>(() => new CityImporter().Import(request));
}
