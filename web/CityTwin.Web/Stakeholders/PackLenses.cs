using System.Text.Json;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Hosting;
using CityTwin.Model.City;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// The default lenses a city pack ships (<c>lenses.json</c>, a list in the API's format), read and
/// validated once at start: a broken lens stops the process with the file and field, like the rest of the pack.
/// </summary>
public sealed class PackLenses(IReadOnlyList<Lens> lenses)
{
    public const string FileName = "lenses.json";

    public IReadOnlyList<Lens> Lenses { get; } = lenses;

    public static PackLenses Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        var file = Path.Combine(CityPackLocator.Find(options.Name, options.Path), FileName);
        return File.Exists(file) ? Parse(File.ReadAllBytes(file)) : new PackLenses([]);
    }

    public static PackLenses Parse(byte[] json)
    {
        LensPackFile? pack;
        try
        {
            pack = JsonSerializer.Deserialize<LensPackFile>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new CityPackException(FileName, null, $"not a list of lenses: {ex.Message}");
        }
        var lenses = new List<Lens>();
        var given = pack?.Lenses ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var input = given[i];
            var (lens, errors) = LensValidator.Validate(input, input?.Id ?? "", updatedBy: null, updatedAt: null);
            if (lens is null)
                throw new CityPackException(FileName, input?.Id ?? $"lenses[{i}]", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            if (lenses.Any(l => l.Id == lens.Id)) throw new CityPackException(FileName, lens.Id, "another lens has the same id");
            lenses.Add(lens);
        }
        return new PackLenses(lenses);
    }
}
