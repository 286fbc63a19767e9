namespace CityTwin.Web.Indicators;

/// <summary>The city's public indicators, in the pack's order (empty when the pack defines none).</summary>
public sealed class IndicatorCatalog(IReadOnlyList<IndicatorDefinition> indicators, string? profileSource)
{
    public static readonly IndicatorCatalog Empty = new([], null);

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } = indicators;

    /// <summary>Where the area profile (population, area) comes from, as the pack says.</summary>
    public string? ProfileSource { get; } = profileSource;

    public IndicatorDefinition? Find(string id) => Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
