using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Interventions;

/// <summary>
/// One intervention of a definition while it is folded into a district plan: its parameter values
/// (defaults filled in from the catalogue entry), its resolved target, and the tally of what it
/// touched in this district, which becomes its <see cref="InterventionScope"/>.
/// </summary>
internal sealed class InterventionApplication
{
    private readonly ScenarioIntervention _intervention;
    private readonly CityCatalog _city;
    private readonly HashSet<int> _touchedDongs = [];
    private readonly SortedDictionary<int, double> _costUnits = [];

    public InterventionApplication(int index, InterventionType type, ScenarioIntervention intervention, CityCatalog city)
    {
        Index = index;
        Type = type;
        _intervention = intervention;
        _city = city;
        Target = new TargetResolver(intervention.Target, city);
    }

    /// <summary>Position of the intervention in the definition.</summary>
    public int Index { get; }

    /// <summary>The catalogue entry the engine was given for this type (its defaults apply).</summary>
    public InterventionType Type { get; }

    public TargetResolver Target { get; }

    /// <summary>Assets the intervention changed in this district.</summary>
    public int Assets { get; set; }

    /// <summary>The headline quantity, in the rule's <see cref="InterventionRule.QuantityUnit"/>.</summary>
    public double Quantity { get; set; }

    /// <summary>A parameter's value, or its default when the intervention leaves it out.</summary>
    public double Parameter(string name) => Type.Value(_intervention, name);

    /// <summary>Whether the asset with this catalogue index lies in the target.</summary>
    public bool Contains(int asset) => Target.Contains(_city.Assets[asset]);

    /// <summary>Counts a dong (plan index) as concerned; false when it already was.</summary>
    public bool TouchDong(int dong) => _touchedDongs.Add(dong);

    /// <summary>Adds to the headline quantity and, when the rule pays per that quantity, to the cost units of the dong.</summary>
    public void Add(int dong, double quantity)
    {
        Quantity += quantity;
        AddCostUnits(dong, quantity);
    }

    /// <summary>Units the intervention pays for in a dong (plan index), in the rule's cost unit.</summary>
    public void AddCostUnits(int dong, double units) => _costUnits[dong] = _costUnits.GetValueOrDefault(dong) + units;

    /// <summary>Forgets the cost units tallied so far (a rule whose units follow the combined result recounts them).</summary>
    public void ClearCostUnits() => _costUnits.Clear();

    public InterventionScope ToScope(string unit, string costUnit, IReadOnlyList<string> dongCodes)
    {
        ArgumentNullException.ThrowIfNull(dongCodes);
        var byDong = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var (dong, units) in _costUnits)
        {
            byDong[dongCodes[dong]] = units;
            total += units;
        }
        return new InterventionScope(Index, Type.Id, Assets, _touchedDongs.Count, Quantity, unit)
        {
            CostUnits = total,
            CostUnit = costUnit,
            DongCostUnits = byDong,
        };
    }
}
