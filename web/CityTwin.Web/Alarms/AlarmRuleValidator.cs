using System.Text.RegularExpressions;
using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Alarms;

/// <summary>Checks a posted rule field by field and turns it into an <see cref="AlarmRule"/>.</summary>
public static partial class AlarmRuleValidator
{
    public const int MaxNameLength = 120;
    public const double MaxDelaySeconds = 86_400;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    public static (AlarmRule? Rule, Dictionary<string, string[]> Errors) Validate(AlarmRuleRequest? r, string? routeId, CityCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (r is null)
        {
            errors["body"] = ["Give the rule as JSON"];
            return (null, errors);
        }
        var id = routeId ?? r.Id ?? NewId(r.Name);
        if (!IdPattern().IsMatch(id)) errors[routeId is null ? "id" : "id"] = ["1–64 lower-case letters, digits and '-', starting with a letter or digit"];
        else if (routeId is not null && r.Id is not null && r.Id != routeId) errors["id"] = ["Differs from the rule in the address"];
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength) errors["name"] = [$"1 to {MaxNameLength} characters"];
        if (!AlarmNames.TryParse<AlarmRuleType>(r.Type, out var type)) errors["type"] = [$"One of {AlarmNames.Choices<AlarmRuleType>()}"];
        if (!AlarmNames.TryParse<AlarmSeverity>(r.Severity, out var severity)) errors["severity"] = [$"One of {AlarmNames.Choices<AlarmSeverity>()}"];
        if (!AlarmNames.TryParse<ServiceArea>(r.Service, out var service)) errors["service"] = [$"One of {AlarmNames.Choices<ServiceArea>()}"];
        var areaCode = string.IsNullOrWhiteSpace(r.AreaCode) ? null : r.AreaCode.Trim();
        if (areaCode is not null && catalog.FindDistrict(areaCode) is null && catalog.FindDong(areaCode) is null)
            errors["areaCode"] = ["No gu or dong with this code"];
        if (r.Limit is not { } limit || !double.IsFinite(limit) || Math.Abs(limit) > 1e9) errors["limit"] = ["A finite number"];
        if (r.Hysteresis is { } h && (!double.IsFinite(h) || h < 0 || h > 1e9)) errors["hysteresis"] = ["Zero or more"];
        var names = ValidNames(r.Names, name, errors);
        if (r.DelaySeconds is { } d && (!double.IsFinite(d) || d < 0 || d > MaxDelaySeconds)) errors["delaySeconds"] = [$"0 to {MaxDelaySeconds:0} seconds"];

        string? kind = null, channel = null, kpi = null;
        var level = AreaLevel.Dong;
        if (errors.ContainsKey("type")) { }
        else if (type == AlarmRuleType.AreaKpi)
        {
            if (r.Kpi is null || !KpiNames.All.Contains(r.Kpi) || r.Kpi == KpiNames.Assets) errors["kpi"] = [$"One of {string.Join(", ", KpiNames.All.Where(k => k != KpiNames.Assets))}"];
            else kpi = r.Kpi;
            if (!AlarmNames.TryParseLevel(r.Level ?? "dong", out level)) errors["level"] = ["dong or gu"];
        }
        else
        {
            if (!AssetKinds.TryParse(r.Kind ?? "", out var k)) errors["kind"] = [$"One of {string.Join(", ", AssetKinds.All.Select(a => a.WireName))}"];
            else
            {
                var info = AssetKinds.Of(k);
                kind = info.WireName;
                if (type != AlarmRuleType.Stale)
                {
                    if (r.Channel is null || info.ChannelIndex(r.Channel) < 0) errors["channel"] = [$"One of {string.Join(", ", info.Channels)} for {info.WireName}"];
                    else channel = r.Channel;
                }
            }
            if (type == AlarmRuleType.Stale && r.Limit is < 1) errors["limit"] = ["Minutes of silence: at least 1"];
        }
        if (errors.Count > 0) return (null, errors);
        return (new AlarmRule
        {
            Id = id, Name = name!, Type = type, Kind = kind, Channel = channel, Kpi = kpi, Level = level, AreaCode = areaCode,
            Limit = r.Limit!.Value, Above = r.Above ?? true, Hysteresis = r.Hysteresis ?? 0, DelaySeconds = r.DelaySeconds ?? 0,
            Severity = severity, Service = service, Enabled = r.Enabled ?? true, Names = names,
        }, errors);
    }

    /// <summary>
    /// The names in other UI languages, checked per language (<c>names.ko</c>); null when none were
    /// given. English is always <c>name</c>, so the two can never disagree.
    /// </summary>
    private static Dictionary<string, string>? ValidNames(Dictionary<string, string?>? given, string? name, Dictionary<string, string[]> errors)
    {
        if (given is null) return null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in given)
        {
            var field = $"names.{InputEcho.Clip(language, 16)}";
            if (!CityPack.Languages.Contains(language)) errors[field] = [$"Not a UI language: use {string.Join(", ", CityPack.Languages)}"];
            else if (language == "en") errors[field] = ["The English name is 'name'"];
            else if (text?.Trim() is not { Length: > 0 and <= MaxNameLength } trimmed) errors[field] = [$"1 to {MaxNameLength} characters"];
            else names[language] = trimmed;
        }
        if (!string.IsNullOrEmpty(name)) names["en"] = name;
        return names;
    }


    private static string NewId(string? name)
    {
        var slug = new string((name ?? "").ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        if (slug.Length > 50) slug = slug[..50].TrimEnd('-');
        var suffix = Guid.NewGuid().ToString("N")[..6];
        return slug.Length == 0 ? $"rule-{suffix}" : $"{slug}-{suffix}";
    }
}
