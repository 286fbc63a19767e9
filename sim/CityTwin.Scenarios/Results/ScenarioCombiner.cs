using CityTwin.Abstractions.Areas;
using CityTwin.Model.City;

namespace CityTwin.Scenarios.Results;

/// <summary>
/// Builds the city from district results. Districts and dongs are ordered by code before summing,
/// so the city's numbers do not depend on the order in which district runs finish.
/// </summary>
public static class ScenarioCombiner
{
    public static ScenarioResult Combine(string name, CityCatalog city, IEnumerable<DistrictResult> districts)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(districts);
        var parts = districts.OrderBy(d => d.GuCode, StringComparer.Ordinal).ToList();
        if (parts.Count == 0) throw new ArgumentException("no district results to combine", nameof(districts));
        var first = parts[0];
        foreach (var p in parts)
        {
            if (p.Start != first.Start || p.Step != first.Step || p.Steps != first.Steps)
                throw new ArgumentException($"district {p.GuCode} ran {p.Steps} steps of {p.Step} from {p.Start:o}; {first.GuCode} ran {first.Steps} of {first.Step} from {first.Start:o}", nameof(districts));
        }
        var duplicate = parts.GroupBy(p => p.GuCode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"district {duplicate.Key} appears more than once", nameof(districts));

        var inventory = AreaInventory.Empty;
        foreach (var p in parts) inventory = inventory.Add(p.District.Inventory);
        var cityArea = new AreaResult(AreaLevel.City, city.Id, city.NameEn, city.NameKo, first.Start, first.Step, inventory,
            ChannelSeries.Sum(first.Steps, parts.Select(p => p.District.Baseline)),
            ChannelSeries.Sum(first.Steps, parts.Select(p => p.District.Scenario)))
        {
            GridTonnesCo2PerMwh = first.District.GridTonnesCo2PerMwh,
        };

        var scopes = new SortedDictionary<int, InterventionScope>();
        foreach (var p in parts)
            foreach (var s in p.Scopes)
                scopes[s.Index] = scopes.TryGetValue(s.Index, out var sum) ? sum.Add(s) : s;

        var complete = city.Districts.All(d => parts.Any(p => p.GuCode == d.Code));
        return new ScenarioResult(
            name,
            first.Start,
            first.Step,
            first.Steps,
            complete,
            cityArea,
            [.. parts.Select(p => p.District)],
            [.. parts.SelectMany(p => p.Dongs).OrderBy(d => d.Code, StringComparer.Ordinal)],
            [.. scopes.Values],
            [.. parts.SelectMany(p => p.Diversions)],
            [.. parts.SelectMany(p => p.Notes)]);
    }
}
