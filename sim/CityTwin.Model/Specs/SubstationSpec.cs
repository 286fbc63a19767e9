using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>A distribution substation serving part of a dong's population and floor area.</summary>
public sealed record SubstationSpec(double CapacityMw, int ServedPopulation) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["capacityMw"] = CapacityMw.ToString("0", CultureInfo.InvariantCulture),
        ["servedPopulation"] = ServedPopulation.ToString(CultureInfo.InvariantCulture),
    };
}
