using CityTwin.Abstractions.Storage;
using CityTwin.Abstractions.Tours;

namespace CityTwin.Grains.Tours;

/// <summary>The durable list of tours: a few dozen documents of some kilobytes, written on every change.</summary>
public sealed class TourCatalogGrain(
    [PersistentState("tours", StorageNames.Durable)] IPersistentState<TourCatalogState> stored)
    : Grain, ITourCatalogGrain
{
    public async Task SeedAsync(IReadOnlyList<Tour> tours)
    {
        if (stored.State.Seeded) return;
        foreach (var tour in tours) stored.State.Tours.TryAdd(tour.Id, tour);
        stored.State.Seeded = true;
        await stored.WriteStateAsync();
    }

    public Task<IReadOnlyList<Tour>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Tour>>([.. stored.State.Tours.Values.OrderBy(t => t.Title.GetValueOrDefault(TourLimits.RequiredLanguage), StringComparer.CurrentCulture)]);

    public Task<Tour?> GetAsync(string id) => Task.FromResult(stored.State.Tours.GetValueOrDefault(id));

    public async Task<bool> PutAsync(Tour tour)
    {
        if (!stored.State.Tours.ContainsKey(tour.Id) && stored.State.Tours.Count >= TourLimits.MaxTours) return false;
        var previous = stored.State.Tours.GetValueOrDefault(tour.Id);
        stored.State.Tours[tour.Id] = tour;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored, not applied: the list stays what the store holds.
            if (previous is null) stored.State.Tours.Remove(tour.Id);
            else stored.State.Tours[tour.Id] = previous;
            throw;
        }
        return true;
    }

    public async Task<bool> RemoveAsync(string id)
    {
        if (!stored.State.Tours.Remove(id, out var removed)) return false;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Tours[id] = removed;
            throw;
        }
        return true;
    }
}
