using CityTwin.Abstractions.Stakeholders;
using CityTwin.Abstractions.Storage;

namespace CityTwin.Grains.Stakeholders;

/// <summary>The durable list of stakeholder lenses: a few dozen small documents, written on every change.</summary>
public sealed class LensCatalogGrain(
    [PersistentState("lenses", StorageNames.Durable)] IPersistentState<LensCatalogState> stored)
    : Grain, ILensCatalogGrain
{
    public async Task SeedAsync(IReadOnlyList<Lens> lenses)
    {
        if (stored.State.Seeded) return;
        foreach (var lens in lenses)
        {
            if (stored.State.Lenses.TryAdd(lens.Id, lens)) stored.State.Order.Add(lens.Id);
        }
        stored.State.Seeded = true;
        await stored.WriteStateAsync();
    }

    /// <summary>The pack's lenses in the pack's order, then planners' lenses in the order they were made.</summary>
    public Task<IReadOnlyList<Lens>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Lens>>([.. stored.State.Order.Select(id => stored.State.Lenses[id])]);

    public Task<Lens?> GetAsync(string id) => Task.FromResult(stored.State.Lenses.GetValueOrDefault(id));

    public async Task<bool> PutAsync(Lens lens)
    {
        var isNew = !stored.State.Lenses.ContainsKey(lens.Id);
        if (isNew && stored.State.Lenses.Count >= LensLimits.MaxLenses) return false;
        var previous = stored.State.Lenses.GetValueOrDefault(lens.Id);
        stored.State.Lenses[lens.Id] = lens;
        if (isNew) stored.State.Order.Add(lens.Id);
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored, not applied: the list stays what the store holds.
            if (previous is null)
            {
                stored.State.Lenses.Remove(lens.Id);
                stored.State.Order.Remove(lens.Id);
            }
            else stored.State.Lenses[lens.Id] = previous;
            throw;
        }
        return true;
    }

    public async Task<bool> RemoveAsync(string id)
    {
        if (!stored.State.Lenses.Remove(id, out var removed)) return false;
        var at = stored.State.Order.IndexOf(id);
        stored.State.Order.RemoveAt(at);
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Lenses[id] = removed;
            stored.State.Order.Insert(at, id);
            throw;
        }
        return true;
    }
}
