using System.Text.RegularExpressions;
using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Drills;
using CityTwin.Model.City;
using CityTwin.Web.Alarms;

namespace CityTwin.Web.Drills;

/// <summary>
/// Checks a drill file against the city: every place a step names must be one of its assets, dongs
/// or gu, every text must be there in the six UI languages, and the steps must be in time order
/// within the drill's duration. Errors name the field with the step's index (<c>steps[2].source</c>).
/// </summary>
public sealed partial class DrillValidator(CityCatalog city)
{
    public const int MaxSteps = 100;
    public const double MaxDurationSeconds = 24 * 3600;
    public const int MaxTextLength = 2000;

    public (Drill? Drill, Dictionary<string, string[]> Errors) Validate(DrillFile? file)
    {
        var errors = new Dictionary<string, string[]>();
        if (file is null) return (null, new() { ["$"] = ["A drill object is required"] });
        if (file.Id is not { } id || !IdPattern().IsMatch(id) || id == "runs") errors["id"] = ["Lower-case letters, digits and '-', at most 60 characters (not \"runs\")"];
        var title = Texts(file.Title, "title", errors, 200);
        var description = Texts(file.Description, "description", errors, MaxTextLength);
        var duration = file.DurationSeconds ?? double.NaN;
        if (!double.IsFinite(duration) || duration < 60 || duration > MaxDurationSeconds) errors["durationSeconds"] = [$"From 60 to {MaxDurationSeconds:0} seconds"];
        var miss = file.MissAfterSeconds ?? double.NaN;
        if (!double.IsFinite(miss) || miss < 10 || miss > 3600) errors["missAfterSeconds"] = ["From 10 to 3600 seconds"];
        var steps = new List<DrillStep>();
        if (file.Steps is not { Count: > 0 and <= MaxSteps } list) errors["steps"] = [$"From 1 to {MaxSteps} steps"];
        else
        {
            var raised = new HashSet<string>(StringComparer.Ordinal);
            var last = 0.0;
            for (var i = 0; i < list.Count; i++)
                if (Step(list[i], $"steps[{i}]", double.IsFinite(duration) ? duration : MaxDurationSeconds, ref last, raised, errors) is { } step) steps.Add(step);
        }
        if (errors.Count > 0) return (null, errors);
        return (new Drill
        {
            Id = file.Id!, Title = title!, Description = description!, DurationSeconds = duration, MissAfterSeconds = miss, Steps = steps,
        }, errors);
    }

    private DrillStep? Step(DrillStepFile? s, string path, double duration, ref double last, HashSet<string> raised, Dictionary<string, string[]> errors)
    {
        if (s is null)
        {
            errors[path] = ["A step object is required"];
            return null;
        }
        var before = errors.Count;
        var at = s.At ?? double.NaN;
        if (!double.IsFinite(at) || at < 0 || at > duration) errors[$"{path}.at"] = ["Seconds from the start, within the drill's duration"];
        else if (at < last) errors[$"{path}.at"] = ["Steps go in time order"];
        else last = at;
        if (s.Key is not { } key || !IdPattern().IsMatch(key)) errors[$"{path}.key"] = ["Lower-case letters, digits and '-'"];
        if (s.Source is null || (city.FindAsset(s.Source) is null && city.FindDong(s.Source) is null && city.FindDistrict(s.Source) is null))
            errors[$"{path}.source"] = ["An asset id, dong code or gu code of this city"];
        if (s.Value is not { } value || !double.IsFinite(value)) errors[$"{path}.value"] = ["The reading the alarm shows"];
        var pair = $"{s.Key}|{s.Source}";
        if (s.Clear)
        {
            if (!raised.Contains(pair)) errors[$"{path}.clear"] = ["Clears only an alarm an earlier step raised on the same source"];
            return errors.Count > before ? null : new DrillStep { AtSeconds = at, Key = s.Key!, Source = s.Source!, Name = new Dictionary<string, string>(), Value = s.Value!.Value, Clear = true };
        }
        var name = Texts(s.Name, $"{path}.name", errors, 200);
        if (!AlarmNames.TryParse<AlarmSeverity>(s.Severity, out var severity)) errors[$"{path}.severity"] = [$"One of {AlarmNames.Choices<AlarmSeverity>()}"];
        if (!AlarmNames.TryParse<ServiceArea>(s.Service, out var service)) errors[$"{path}.service"] = [$"One of {AlarmNames.Choices<ServiceArea>()}"];
        if (errors.Count > before) return null;
        raised.Add(pair);
        return new DrillStep { AtSeconds = at, Key = s.Key!, Source = s.Source!, Name = name!, Severity = severity, Service = service, Value = s.Value!.Value };
    }

    private static Dictionary<string, string>? Texts(Dictionary<string, string?>? texts, string path, Dictionary<string, string[]> errors, int max)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in CityPack.Languages)
        {
            if (texts?.GetValueOrDefault(language) is not { } text || string.IsNullOrWhiteSpace(text) || text.Length > max)
                errors[$"{path}.{language}"] = [$"The text in every UI language ({string.Join(", ", CityPack.Languages)}), at most {max} characters"];
            else result[language] = text.Trim();
        }
        return result.Count == CityPack.Languages.Count ? result : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex IdPattern();
}
