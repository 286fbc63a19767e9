using System.Text.Json;
using CityTwin.Abstractions.Tours;
using CityTwin.Hosting;
using CityTwin.Model.City;

namespace CityTwin.Web.Tours;

/// <summary>
/// The tours a city pack ships (<c>tours/*.json</c>, the API's export format), read and validated
/// once at start: a broken tour stops the process with the file and field, like the rest of the pack.
/// </summary>
public sealed class PackTours(IReadOnlyList<Tour> tours)
{
    public IReadOnlyList<Tour> Tours { get; } = tours;

    public static PackTours Load(IConfiguration configuration, CityCatalog city)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        var folder = Path.Combine(CityPackLocator.Find(options.Name, options.Path), "tours");
        if (!Directory.Exists(folder)) return new PackTours([]);
        var validator = new TourValidator(city);
        var tours = new List<Tour>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = $"tours/{Path.GetFileName(file)}";
            TourInput? input;
            try
            {
                input = JsonSerializer.Deserialize<TourInput>(File.ReadAllBytes(file), JsonSerializerOptions.Web);
            }
            catch (JsonException ex)
            {
                throw new CityPackException(name, null, $"not a tour: {ex.Message}");
            }
            var (tour, errors) = validator.Validate(input, input?.Id ?? "", updatedBy: null, updatedAt: null);
            if (tour is null)
                throw new CityPackException(name, input?.Id, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            if (tours.Any(t => t.Id == tour.Id)) throw new CityPackException(name, tour.Id, "another tour file has the same id");
            tours.Add(tour);
        }
        return new PackTours(tours);
    }
}
