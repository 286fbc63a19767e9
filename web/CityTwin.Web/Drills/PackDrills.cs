using System.Text.Json;
using CityTwin.Abstractions.Drills;
using CityTwin.Hosting;
using CityTwin.Model.City;

namespace CityTwin.Web.Drills;

/// <summary>
/// The drill catalogue a city pack ships (<c>drills/*.json</c>), read and checked once at start: a
/// broken drill stops the process naming the file and the field, like the rest of the pack. The
/// catalogue is the pack's: trainers run drills, they do not edit them.
/// </summary>
public sealed class PackDrills(IReadOnlyList<Drill> drills)
{
    public IReadOnlyList<Drill> Drills { get; } = drills;

    public Drill? Find(string id) => Drills.FirstOrDefault(d => d.Id == id);

    public static PackDrills Load(IConfiguration configuration, CityCatalog city)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        return FromFolder(Path.Combine(CityPackLocator.Find(options.Name, options.Path), "drills"), city);
    }

    public static PackDrills FromFolder(string folder, CityCatalog city)
    {
        if (!Directory.Exists(folder)) return new PackDrills([]);
        var validator = new DrillValidator(city);
        var drills = new List<Drill>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = $"drills/{Path.GetFileName(file)}";
            DrillFile? input;
            try
            {
                input = JsonSerializer.Deserialize<DrillFile>(File.ReadAllBytes(file), JsonSerializerOptions.Web);
            }
            catch (JsonException ex)
            {
                throw new CityPackException(name, null, $"not a drill: {ex.Message}");
            }
            var (drill, errors) = validator.Validate(input);
            if (drill is null)
                throw new CityPackException(name, input?.Id, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            if (drills.Any(d => d.Id == drill.Id)) throw new CityPackException(name, drill.Id, "another drill file has the same id");
            drills.Add(drill);
        }
        return new PackDrills(drills);
    }
}
