using CityTwin.Scenarios.Catalog;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.PermeablePaving;

/// <summary>Permeable pavement on part of the flood sensors' catchments (see <see cref="RunoffRetentionRule"/>).</summary>
internal sealed class PermeablePavingRule : RunoffRetentionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.PermeablePaving, "Permeable paving",
        "Repaves a share of the impervious catchment of the target's flood sensors with permeable pavement that retains part of the runoff.",
        [
            new("areaSharePercent", Percent, 10, 0, 100,
                "Share of the catchments' impervious area repaved.",
                "[assumed] car parks, pavements and side streets"),
            new("retentionPercent", Percent, 42.5, 0, 100,
                "Share of the runoff retained.",
                "[INTL] 42.5 % in high-intensity rain, 52.5 % in low (Liu et al., ESPR, 2020)"),
            CapitalCost("m²", 80_000, 1_000_000,
                "[estimate] permeable block paving in place of asphalt or blocks, of the order of 60–100 thousand won per m²"),
            OperatingCost("m²", 1_500, 50_000,
                "[estimate] vacuum sweeping that keeps the joints open"),
        ],
        AreasAndAssets, ["flood"]);

    public override int CatalogueOrder => 90;
}
