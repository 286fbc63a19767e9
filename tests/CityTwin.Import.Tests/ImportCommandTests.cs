using CityTwin.Model.City;
using CityTwin.Sim;
using CityTwin.Testing;

namespace CityTwin.Import.Tests;

/// <summary>The import-city command: writes a pack that loads, or prints each problem and writes nothing.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_command_writes_a_pack_that_loads()
    {
        var gu = _files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186);
        var dong = _files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(withParent: false));
        var map = _files.WriteMapping();
        var target = _files.PathOf("out/harbourton");
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = ImportCityCommand.Run(
            ["--id", "harbourton", "--name", "Harbourton", "--gu", gu, "--dong", dong, "--map", map, "--time-zone", "Asia/Seoul", "--out", target],
            output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("wrote", output.ToString(), StringComparison.Ordinal);
        var catalog = CityPackLoader.Load(target);
        Assert.Equal(4, catalog.Dongs.Count);
        Assert.Equal("Asia/Seoul", catalog.Pack.TimeZoneId);
    }

    [Fact]
    public void A_broken_import_prints_the_problems_and_writes_nothing()
    {
        var gu = _files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186, withPrj: false);
        var target = _files.PathOf("out/harbourton");
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = ImportCityCommand.Run(["--id", "harbourton", "--name", "Harbourton", "--gu", gu, "--map", _files.WriteMapping(), "--out", target], output, error);

        Assert.Equal(1, code);
        Assert.Contains("error: gu.zip: names no CRS", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void An_existing_pack_is_not_overwritten_without_asking()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var target = _files.PathOf("out/harbourton");
        string[] args = ["--id", "harbourton", "--name", "Harbourton", "--gu", gu, "--map", _files.WriteMapping(), "--out", target];
        Assert.Equal(0, ImportCityCommand.Run(args, TextWriter.Null, TextWriter.Null));

        var error = new StringWriter();
        Assert.Equal(1, ImportCityCommand.Run(args, TextWriter.Null, error));
        Assert.Contains("already holds files", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, ImportCityCommand.Run([.. args, "--overwrite"], TextWriter.Null, TextWriter.Null));
    }
}
