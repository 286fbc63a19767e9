using System.Text.Json.Nodes;
using CityTwin.Model.City;
using CityTwin.Testing;

namespace CityTwin.Model.Tests;

/// <summary>The pack's economic assumptions: sourced, optional, and refused by field when wrong.</summary>
public sealed class CityEconomicsTests : IDisposable
{
    private readonly SyntheticCityPack _pack = new();

    public void Dispose() => _pack.Dispose();

    [Fact]
    public void Incheon_prices_its_scenarios_with_sourced_defaults()
    {
        var economics = CityManifestReader.Read(CityPackLocator.Find("incheon")).Economics!;
        Assert.Equal("KRW", economics.Currency);
        Assert.True(economics.TariffPerKwh > 0 && economics.CarbonPricePerTonne > 0 && economics.DiscountRatePercent > 0 && economics.AppraisalYears > 0);
        Assert.All(economics.Sources.Values, source => Assert.Matches(@"^\[(KR|INTL|derived|assumed|estimate)\]", source));
    }

    [Fact]
    public void A_pack_without_economics_still_loads_and_has_none()
    {
        Assert.Null(CityManifestReader.Read(_pack.Directory).Economics);
    }

    [Theory]
    [InlineData("currency", "\"won\"", "economics.currency")]
    [InlineData("discountRatePercent", "{\"value\": 45, \"source\": \"x\"}", "economics.discountRatePercent.value")]
    [InlineData("appraisalYears", "{\"value\": 12.5, \"source\": \"x\"}", "economics.appraisalYears.value")]
    [InlineData("tariffPerKwh", "{\"value\": 100}", "economics.tariffPerKwh.source")]
    public void A_bad_economic_assumption_is_named_by_field(string name, string json, string field)
    {
        var economics = new JsonObject
        {
            ["currency"] = "KRW",
            ["tariffPerKwh"] = new JsonObject { ["value"] = 100, ["source"] = "test" },
            ["carbonPricePerTonne"] = new JsonObject { ["value"] = 10_000, ["source"] = "test" },
            ["discountRatePercent"] = new JsonObject { ["value"] = 4, ["source"] = "test" },
            ["appraisalYears"] = new JsonObject { ["value"] = 20, ["source"] = "test" },
        };
        economics[name] = JsonNode.Parse(json);
        _pack.Manifest["economics"] = economics;
        _pack.WriteManifest();
        var error = Assert.Throws<CityPackException>(() => CityManifestReader.Read(_pack.Directory));
        Assert.Equal(field, error.Feature);
    }
}
