using CityTwin.Scenarios.Catalog;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.GreenRoofs;

/// <summary>Green roofs on part of the flood sensors' catchments (see <see cref="RunoffRetentionRule"/>).</summary>
internal sealed class GreenRoofsRule : RunoffRetentionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.GreenRoofs, "Green roofs",
        "Greens a share of the impervious catchment of the target's flood sensors; the green part retains rain that would have run off.",
        [
            new("areaSharePercent", Percent, 10, 0, 100,
                "Share of the catchments' impervious area turned into green roof.",
                "[assumed] roofs are a part of a catchment's impervious area"),
            new("retentionPercent", Percent, 62, 0, 100,
                "Share of the rain a green roof retains.",
                "[INTL] 62 % per event on average, 2,375 samples (Zheng et al., Resour. Conserv. Recycl. 170, 2021); catchment retrofits cut peak and volume ≈30 % (Palla et al., Water, 2018)"),
            CapitalCost("m²", 150_000, 1_000_000,
                "[estimate] an extensive (sedum) green roof laid on an existing roof, of the order of 100–200 thousand won per m²; no Korean unit cost was found"),
            OperatingCost("m²", 3_000, 50_000,
                "[estimate] inspection, weeding and dry-season watering"),
        ],
        AreasAndAssets, ["flood"]);

    public override int CatalogueOrder => 80;
}
