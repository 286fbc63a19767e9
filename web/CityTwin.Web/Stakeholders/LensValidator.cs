using System.Text.RegularExpressions;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Scenarios.Kpis;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Turns a <see cref="LensInput"/> into a <see cref="Lens"/>, or names every field at fault the way
/// the API reports it (<c>kpis[2].weight</c>, <c>name.en</c>). KPIs must be scenario KPIs of the catalogue.
/// </summary>
public static partial class LensValidator
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex LensIdPattern();

    public static bool IsLensId(string? id) => id is not null && LensIdPattern().IsMatch(id);

    public static (Lens? Lens, Dictionary<string, string[]> Errors) Validate(LensInput? input, string id, string? updatedBy, DateTimeOffset? updatedAt)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        if (input is null)
        {
            Add("body", "Send a lens: {id, name: {en, …}, group, kpis: [{kpi, weight, better, redLinePercent}]}");
            return (null, Done(errors));
        }
        if (!IsLensId(id)) Add("id", "Use 1-64 lower-case letters, digits and '-' (not at either end)");
        var name = Texts(input.Name, "name", LensLimits.MaxNameLength, required: true, Add);
        var description = input.Description is null ? null : Texts(input.Description, "description", LensLimits.MaxDescriptionLength, required: false, Add);
        if (input.Group is not null && !PentahelixGroups.IsGroup(input.Group))
            Add("group", $"Use one of {string.Join(", ", PentahelixGroups.All)}, or leave it out");
        var kpis = new List<LensKpi>();
        var catalog = ScenarioKpiCatalog.Default;
        if (input.Kpis is null || input.Kpis.Count == 0) Add("kpis", "A lens weighs at least one KPI");
        else if (input.Kpis.Count > catalog.Kpis.Count) Add("kpis", $"A lens lists each of the {catalog.Kpis.Count} KPIs at most once");
        else
        {
            for (var i = 0; i < input.Kpis.Count; i++)
            {
                var path = $"kpis[{i}]";
                var k = input.Kpis[i];
                if (k is null)
                {
                    Add(path, "A KPI must be an object {kpi, weight, better, redLinePercent}");
                    continue;
                }
                var known = k.Kpi is null ? null : catalog.Find(k.Kpi);
                if (known is null) Add($"{path}.kpi", $"Unknown KPI; use {string.Join(", ", catalog.Kpis.Select(x => x.Id))}");
                else if (kpis.Any(x => x.Kpi == known.Id)) Add($"{path}.kpi", $"{known.Id} is listed twice");
                if (k.Weight is not { } weight || !double.IsFinite(weight) || weight < 0 || weight > LensLimits.MaxWeight)
                    Add($"{path}.weight", $"Give a weight from 0 to {LensLimits.MaxWeight:0}");
                if (k.Better is not null and not ("lower" or "higher")) Add($"{path}.better", "Use lower or higher");
                if (k.RedLinePercent is { } red && (!double.IsFinite(red) || red < 0 || red > LensLimits.MaxRedLinePercent))
                    Add($"{path}.redLinePercent", $"Give the largest acceptable worsening in percent, 0 to {LensLimits.MaxRedLinePercent:0}, or leave it out");
                if (known is null || k.Weight is not { } w || errors.Keys.Any(f => f.StartsWith(path + ".", StringComparison.Ordinal))) continue;
                kpis.Add(new LensKpi
                {
                    Kpi = known.Id,
                    Weight = w,
                    // Without a direction the lens takes the catalogue's.
                    Better = k.Better ?? (known.Better == KpiDirection.HigherIsBetter ? "higher" : "lower"),
                    RedLinePercent = k.RedLinePercent,
                });
            }
            if (errors.Count == 0 && kpis.All(k => k.Weight == 0)) Add("kpis", "At least one KPI needs a weight above 0");
        }
        if (errors.Count > 0) return (null, Done(errors));
        return (new Lens { Id = id, Name = name, Description = description, Group = input.Group, Kpis = kpis, UpdatedAt = updatedAt, UpdatedBy = updatedBy }, []);
    }

    private static Dictionary<string, string> Texts(Dictionary<string, string?>? given, string path, int max, bool required, Action<string, string> add)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (given is null || given.Count == 0)
        {
            if (required) add(path, $"Give the text per language, at least {{\"{LensLimits.RequiredLanguage}\": …}}");
            return texts;
        }
        foreach (var (language, text) in given)
        {
            if (!LensLimits.Languages.Contains(language, StringComparer.Ordinal))
            {
                add($"{path}.{(language.Length > 8 ? language[..8] : language)}", $"Unknown language; use {string.Join(", ", LensLimits.Languages)}");
                continue;
            }
            var trimmed = text?.Trim() ?? "";
            if (trimmed.Length == 0) add($"{path}.{language}", "Must not be blank");
            else if (trimmed.Length > max) add($"{path}.{language}", $"At most {max} characters");
            else if (trimmed.Any(c => char.IsControl(c) && c != '\n')) add($"{path}.{language}", "Must not contain control characters");
            else texts[language] = trimmed;
        }
        if (required && !given.ContainsKey(LensLimits.RequiredLanguage)) add($"{path}.{LensLimits.RequiredLanguage}", "English is required (it stands in for a missing language)");
        return texts;
    }

    private static Dictionary<string, string[]> Done(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
