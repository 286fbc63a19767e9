namespace CityTwin.Abstractions.Tours;

/// <summary>
/// The durable list of tours (key: <see cref="Key"/>). The city pack's tours are copied in once
/// (<see cref="SeedAsync"/>); after that trainers' edits and deletions are what counts.
/// </summary>
[Alias("CityTwin.ITourCatalogGrain")]
public interface ITourCatalogGrain : IGrainWithStringKey
{
    const string Key = "tours";

    /// <summary>Adds the pack's tours the first time only; later calls change nothing.</summary>
    [Alias("Seed")] Task SeedAsync(IReadOnlyList<Tour> tours);

    [Alias("List")] Task<IReadOnlyList<Tour>> ListAsync();

    [Alias("Get")] Task<Tour?> GetAsync(string id);

    /// <summary>Stores a tour, new or replacing the one with its id; false when the catalogue is full.</summary>
    [Alias("Put")] Task<bool> PutAsync(Tour tour);

    /// <summary>False when there was no such tour.</summary>
    [Alias("Remove")] Task<bool> RemoveAsync(string id);
}
