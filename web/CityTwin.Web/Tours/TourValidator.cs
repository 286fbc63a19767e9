using System.Text.RegularExpressions;
using CityTwin.Abstractions.Tours;
using CityTwin.Model.City;

namespace CityTwin.Web.Tours;

/// <summary>
/// Turns a <see cref="TourInput"/> into a <see cref="Tour"/>, or names every field at fault the way
/// the API reports it (<c>stops[2].camera.zoom</c>, <c>stops[0].title.en</c>). Targets must exist in
/// the city: a site of the pack, an asset, or a gu or dong code.
/// </summary>
public sealed partial class TourValidator(CityCatalog city)
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex TourIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ReferencePattern();

    /// <summary>Whether <paramref name="id"/> can name a tour (also checked on route values).</summary>
    public static bool IsTourId(string? id) => id is not null && TourIdPattern().IsMatch(id);

    public (Tour? Tour, Dictionary<string, string[]> Errors) Validate(TourInput? input, string id, string? updatedBy, DateTimeOffset? updatedAt)
    {
        var errors = new Errors();
        if (input is null)
        {
            errors.Add("body", "Send a tour: {id, title: {en, …}, stops: [...]}");
            return (null, errors.ToDictionary());
        }
        if (!IsTourId(id)) errors.Add("id", "Use 1-64 lower-case letters, digits and '-' (not at either end)");
        var title = Texts(input.Title, "title", TourLimits.MaxTitleLength, required: true, errors);
        var description = input.Description is null ? null : Texts(input.Description, "description", TourLimits.MaxNarrativeLength, required: false, errors);
        var stops = new List<TourStop>();
        if (input.Stops is null || input.Stops.Count == 0) errors.Add("stops", "A tour needs at least one stop");
        else if (input.Stops.Count > TourLimits.MaxStops) errors.Add("stops", $"A tour has at most {TourLimits.MaxStops} stops");
        else
        {
            for (var i = 0; i < input.Stops.Count; i++)
                if (Stop(input.Stops[i], $"stops[{i}]", errors) is { } stop) stops.Add(stop);
        }
        if (errors.Any) return (null, errors.ToDictionary());
        return (new Tour { Id = id, Title = title, Description = description, Stops = stops, UpdatedAt = updatedAt, UpdatedBy = updatedBy }, errors.ToDictionary());
    }

    private TourStop? Stop(TourStopInput? input, string path, Errors errors)
    {
        if (input is null)
        {
            errors.Add(path, "A stop must be an object");
            return null;
        }
        var before = errors.Count;
        var target = Target(input.Target, $"{path}.target", errors);
        var title = Texts(input.Title, $"{path}.title", TourLimits.MaxTitleLength, required: true, errors);
        var narrative = Texts(input.Narrative, $"{path}.narrative", TourLimits.MaxNarrativeLength, required: true, errors);
        var camera = Camera(input.Camera, $"{path}.camera", errors);
        var layers = new List<string>();
        if (input.Layers is { } given)
        {
            for (var i = 0; i < given.Count; i++)
            {
                var layer = given[i];
                if (layer is null || !TourLimits.Layers.Contains(layer, StringComparer.Ordinal))
                    errors.Add($"{path}.layers[{i}]", $"Unknown layer; use {string.Join(", ", TourLimits.Layers)}");
                else if (layers.Contains(layer)) errors.Add($"{path}.layers[{i}]", $"Layer {layer} is listed twice");
                else layers.Add(layer);
            }
        }
        if (input.Kpi is { } kpi && !TourLimits.Kpis.Contains(kpi, StringComparer.Ordinal))
            errors.Add($"{path}.kpi", $"Unknown KPI; use {string.Join(", ", TourLimits.Kpis)}");
        Reference(input.ScenarioId, $"{path}.scenarioId", errors);
        Reference(input.DrillId, $"{path}.drillId", errors);
        if (errors.Count > before || target is null || camera is null) return null;
        return new TourStop
        {
            Target = target,
            Title = title,
            Narrative = narrative,
            Camera = camera,
            Layers = layers,
            Kpi = input.Kpi,
            SimTime = input.SimTime,
            ScenarioId = input.ScenarioId,
            ReplayTime = input.ReplayTime,
            DrillId = input.DrillId,
        };
    }

    private TourTarget? Target(TourTargetInput? input, string path, Errors errors)
    {
        if (input is null)
        {
            errors.Add(path, "Say what the stop is about: {kind: site|asset|area, id}");
            return null;
        }
        if (input.Kind is null || !TourLimits.TargetKinds.Contains(input.Kind, StringComparer.Ordinal))
        {
            errors.Add($"{path}.kind", $"Use one of {string.Join(", ", TourLimits.TargetKinds)}");
            return null;
        }
        if (string.IsNullOrEmpty(input.Id) || input.Id.Length > TourLimits.MaxIdLength)
        {
            errors.Add($"{path}.id", $"Give the {input.Kind}'s id (at most {TourLimits.MaxIdLength} characters)");
            return null;
        }
        var known = input.Kind switch
        {
            "site" => city.Sites.Any(s => s.Id == input.Id),
            "asset" => city.FindAsset(input.Id) is not null,
            _ => city.FindDistrict(input.Id) is not null || city.FindDong(input.Id) is not null,
        };
        if (!known)
        {
            errors.Add($"{path}.id", input.Kind == "area" ? $"No gu or dong {input.Id} in {city.NameEn}" : $"No {input.Kind} {input.Id} in {city.NameEn}");
            return null;
        }
        return new TourTarget { Kind = input.Kind, Id = input.Id };
    }

    private static TourCamera? Camera(TourCameraInput? input, string path, Errors errors)
    {
        if (input is null)
        {
            errors.Add(path, "Give the camera: {center: [lon, lat], zoom, bearing, pitch}");
            return null;
        }
        var before = errors.Count;
        if (input.Center is not [var lon, var lat])
            errors.Add($"{path}.center", "Give the centre as [longitude, latitude]");
        else
        {
            if (!double.IsFinite(lon) || lon is < -180 or > 180) errors.Add($"{path}.center[0]", "Longitude must be between -180 and 180");
            if (!double.IsFinite(lat) || lat is < -90 or > 90) errors.Add($"{path}.center[1]", "Latitude must be between -90 and 90");
        }
        if (input.Zoom is not { } zoom || !double.IsFinite(zoom) || zoom is < 0 or > TourLimits.MaxZoom)
            errors.Add($"{path}.zoom", $"Zoom must be between 0 and {TourLimits.MaxZoom}");
        var bearing = input.Bearing ?? 0;
        if (!double.IsFinite(bearing) || bearing is < -360 or > 360) errors.Add($"{path}.bearing", "Bearing must be between -360 and 360 degrees");
        var pitch = input.Pitch ?? 0;
        if (!double.IsFinite(pitch) || pitch is < 0 or > TourLimits.MaxPitch) errors.Add($"{path}.pitch", $"Pitch must be between 0 and {TourLimits.MaxPitch} degrees");
        if (errors.Count > before) return null;
        return new TourCamera { Center = [input.Center![0], input.Center[1]], Zoom = input.Zoom!.Value, Bearing = bearing, Pitch = pitch };
    }

    /// <summary>Texts per language: known languages only, English required, none too long.</summary>
    private static Dictionary<string, string> Texts(Dictionary<string, string?>? input, string path, int maxLength, bool required, Errors errors)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input is not null)
        {
            foreach (var (language, text) in input)
            {
                if (!TourLimits.Languages.Contains(language, StringComparer.Ordinal))
                    errors.Add($"{path}.{language}", $"Unknown language; use {string.Join(", ", TourLimits.Languages)}");
                else if (text is null || string.IsNullOrWhiteSpace(text)) continue;
                else if (text.Length > maxLength) errors.Add($"{path}.{language}", $"At most {maxLength} characters");
                else texts[language] = text.Trim();
            }
        }
        if (required && !texts.ContainsKey(TourLimits.RequiredLanguage) && !errors.Has($"{path}.{TourLimits.RequiredLanguage}"))
            errors.Add($"{path}.{TourLimits.RequiredLanguage}", "The English text is required (it stands in for a missing language)");
        return texts;
    }

    private static void Reference(string? value, string path, Errors errors)
    {
        if (value is not null && !ReferencePattern().IsMatch(value))
            errors.Add(path, "Use 1-64 letters, digits, '-' and '_'");
    }

    /// <summary>Messages per field path, in the order found.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public bool Any => _byField.Count > 0;

        public int Count => _byField.Values.Sum(v => v.Count);

        public bool Has(string field) => _byField.ContainsKey(field);

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
