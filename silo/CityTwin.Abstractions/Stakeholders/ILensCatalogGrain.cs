namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// The durable list of stakeholder lenses (key: <see cref="Key"/>). The city pack's lenses are
/// copied in once (<see cref="SeedAsync"/>); after that planners' edits and deletions are what counts.
/// </summary>
[Alias("CityTwin.ILensCatalogGrain")]
public interface ILensCatalogGrain : IGrainWithStringKey
{
    const string Key = "lenses";

    /// <summary>Adds the pack's lenses the first time only; later calls change nothing.</summary>
    [Alias("Seed")] Task SeedAsync(IReadOnlyList<Lens> lenses);

    [Alias("List")] Task<IReadOnlyList<Lens>> ListAsync();

    [Alias("Get")] Task<Lens?> GetAsync(string id);

    /// <summary>Stores a lens, new or replacing the one with its id; false when the catalogue is full.</summary>
    [Alias("Put")] Task<bool> PutAsync(Lens lens);

    /// <summary>False when there was no such lens.</summary>
    [Alias("Remove")] Task<bool> RemoveAsync(string id);
}
